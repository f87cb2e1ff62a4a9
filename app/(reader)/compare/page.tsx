import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { z } from "zod";
import "@/components/role/role.css";
import { StateSelect } from "@/components/browse/state-select";
import { SearchBox } from "@/components/search/search-box";
import { findPayStatesCached } from "@/lib/roles/cached-role-summaries";
import { compareRoles } from "@/lib/roles/compare-roles";
import { searchRoles } from "@/lib/roles/search-roles";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { MAX_COMPARED_ROLES, ZCompareRolesInputSchema } from "@/lib/roles/compare-roles.types";
import { formatChange, formatCount, formatPercentile, formatThousands } from "@/lib/roles/format-figures";
import type { RolePage } from "@/lib/roles/role-page.types";
import { areaPayMedian, areaPayRange, payFigure, payRange } from "@/lib/roles/pay-ladder";
import { basisLabel, workProfileScaleNote, workProfileValue } from "@/lib/roles/role-sentences";
import { siteUrl } from "@/lib/site-url.cjs";

interface ComparePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** One load per request: generateMetadata and the page share it (the slugs joined, as a cache key). */
const compareRolesForRequest = cache((slugs: string) => compareRoles(slugs ? slugs.split(",") : []));

/** A comparison of known careers is a page of its own (canonical: its careers in the order given); an empty or failed one is not indexed. */
export async function generateMetadata({ searchParams }: ComparePageProps): Promise<Metadata> {
  const parsed = parsePageSearchParams(ZComparePageParamsSchema, await searchParams);
  const roles = parsed.success && !parsed.data.add ? (await compareRolesForRequest(parsed.data.roles.join(","))).roles : [];
  if (roles.length < 2) return { title: "Compare careers", robots: { index: false } };
  const named = namedTogether(roles.map((role) => role.title));
  return {
    title: `Compare ${named}`,
    description: `${named} side by side: pay, outlook, education, work and AI exposure, from O*NET and BLS data.`,
    alternates: { canonical: `${siteUrl()}/compare?roles=${roles.map((role) => role.slug).join(",")}` },
  };
}

/** "A, B and C": the careers compared, in the page's title and heading alike. */
const namedTogether = (titles: string[]) => `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;

/** `?roles=a,b` or `?roles=a&roles=b`. */
const ZComparePageParamsSchema = z
  .object({ roles: z.union([z.string(), z.array(z.string()).transform((slugs) => slugs.join(","))]).optional(), add: z.string().optional(), state: z.string().optional() })
  .pipe(ZCompareRolesInputSchema);

export default async function ComparePage({ searchParams }: ComparePageProps) {
  const parsed = parsePageSearchParams(ZComparePageParamsSchema, await searchParams);
  if (!parsed.success) {
    return (
      <>
        <h1>Compare careers</h1>
        <p role="alert">{parsed.error.issues[0]?.message}</p>
      </>
    );
  }
  const { add, state } = parsed.data;
  const keep = state ? { state } : undefined;
  // A career typed into the "add" box without JavaScript: the best match joins the comparison.
  const added = add && parsed.data.roles.length < MAX_COMPARED_ROLES ? (await searchRoles({ query: add, limit: 1 }))[0] : undefined;
  if (added) redirect(compareHref([...parsed.data.roles, added.slug], state));
  const [{ roles, unknown }, states] = await Promise.all([compareRolesForRequest(parsed.data.roles.join(",")), findPayStatesCached()]);
  const slugs = roles.map((role) => role.slug);
  const chosen = state ? states.find((choice) => choice.state === state) : undefined;
  return (
    <>
      <h1>{roles.length >= 2 ? `Compare ${namedTogether(roles.map((role) => role.title))}` : "Compare careers"}</h1>
      {unknown.length > 0 && <p role="alert">No career matches {unknown.map((slug) => `“${slug}”`).join(", ")}.</p>}
      {add && !added && (
        <p role="alert">{slugs.length >= MAX_COMPARED_ROLES ? `Compare at most ${MAX_COMPARED_ROLES} careers: remove one first.` : `No career matches “${add}”.`}</p>
      )}
      {roles.length < MAX_COMPARED_ROLES && (
        <div className="compare-add">
          <SearchBox label={roles.length === 0 ? "Choose a career to compare" : "Add a career to compare"} variant="hero" addTo={{ action: "/compare", roles: slugs, keep }} />
        </div>
      )}
      {state && !chosen && <p role="alert">BLS publishes no pay for the state “{state}”: only the national figures are shown.</p>}
      {roles.length > 0 && states.length > 0 && (
        <form method="get" action="/compare" className="filters" aria-label="Pay in a state">
          <input type="hidden" name="roles" value={slugs.join(",")} />
          <StateSelect id="compare-state" states={states} value={chosen?.state} />
          <button type="submit">Show pay</button>
        </form>
      )}
      {roles.length > 0 && <CompareTable roles={roles} state={chosen} />}
      {roles.length > 0 && (
        <p>
          <Link href={`/earnings?roles=${slugs.join(",")}${chosen ? `&state=${chosen.state}` : ""}`}>
            See lifetime earnings of {roles.length === 1 ? "this career" : "these careers"}
            {chosen ? ` with pay in ${chosen.name}` : ""}
          </Link>
        </p>
      )}
    </>
  );
}

/** The compare page with these careers and state. */
function compareHref(slugs: readonly string[], state: string | undefined): string {
  return `/compare?roles=${slugs.join(",")}${state ? `&state=${state}` : ""}`;
}

function CompareTable({ roles, state }: { roles: RolePage[]; state: { state: string; name: string } | undefined }) {
  const row = (label: string, cell: (role: RolePage) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {roles.map((role) => (
        <td key={role.code}>{cell(role)}</td>
      ))}
    </tr>
  );
  // Work styles come from one release (the newest with the file), so one scale note serves every column.
  const styleScale = roles.find((role) => role.workStyles && role.workStyles.items.length > 0)?.workStyles;
  return (
    <>
      {/* On a phone the table scrolls inside its own box; the page does not scroll sideways. */}
      <div className="table-scroll" role="region" aria-label="Careers side by side" tabIndex={0}>
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">Career</th>
              {roles.map((role) => (
                <th scope="col" key={role.code}>
                  <Link href={`/roles/${role.slug}`}>{role.title}</Link> <span className="muted code">{role.code}</span>
                  <div>
                    <Link href={compareHref(roles.filter((other) => other !== role).map((other) => other.slug), state?.state)} className="hint remove-link" aria-label={`Remove ${role.title} from the comparison`}>
                      Remove
                    </Link>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row("Median pay", (role) => {
              const pay = role.shown.pay;
              if (!role.wages || !pay) return "Not published";
              return (
                <>
                  {payFigure(pay.unit, pay.median)}
                  {role.wages.basis.kind !== "own" && <div className="muted">{basisLabel(role.wages.basis)} figure</div>}
                </>
              );
            })}
            {row("10th–90th percentile", (role) => (role.shown.pay ? payRange(role.shown.pay) : "Not published"))}
            {state && row(`Median pay in ${state.name}`, (role) => {
              const figures = role.stateWages?.states.find((row) => row.state === state.state);
              if (!figures || figures.annualMedian === null) return "Not published";
              return (
                <>
                  {areaPayMedian(figures)} a year
                  {figures.basis.kind !== "own" && <div className="muted">{basisLabel(figures.basis)} figure</div>}
                </>
              );
            })}
            {state && row(`10th–90th percentile in ${state.name}`, (role) => {
              const figures = role.stateWages?.states.find((row) => row.state === state.state);
              if (!figures || (figures.annualP10 === null && figures.annualP90 === null)) return "Not published";
              return areaPayRange(figures);
            })}
            {state && row(`Employment in ${state.name}`, (role) => formatCount(role.stateWages?.states.find((row) => row.state === state.state)?.employment ?? null))}
            {row("Employment", (role) => (role.wages ? formatCount(role.wages.employment) : "Not published"))}
            {row("Projected growth", (role) => (role.projection ? `${formatChange(role.projection.changePercent)} (${role.projection.baseYear}–${role.projection.projectedYear})` : "Not published"))}
            {row("Openings a year", (role) => (role.projection ? formatThousands(role.projection.annualOpenings) : "Not published"))}
            {row("Bright Outlook", (role) => (role.projection ? (role.projection.brightOutlook.bright ? "Yes" : "No") : "Not published"))}
            {row("Typical entry education", (role) => role.projection?.entryEducation ?? "Not published")}
            {row("Training time", (role) => (role.jobZone ? `Job zone ${role.jobZone.zone} of 5` : "Not rated"))}
            {row("AI exposure (task overlap, not a forecast of job loss)", (role) =>
              role.aiLevel ? `${role.aiLevel.level} (mean percentile ${formatPercentile(role.aiLevel.meanPercentile)})` : "No index value",
            )}
            {row("Top skills", (role) =>
              role.ratings.skills.length > 0 ? (
                <ol>
                  {role.ratings.skills.slice(0, 5).map((skill) => (
                    <li key={skill.elementId}>{skill.name}</li>
                  ))}
                </ol>
              ) : (
                <span className="missing-data">{role.missing.ratings}</span>
              ),
            )}
            {row("Top work styles", (role) =>
              role.workStyles && role.workStyles.items.length > 0 ? (
                <ol>
                  {role.workStyles.items.slice(0, 5).map((item) => (
                    <li key={item.elementId}>
                      {item.name} <span className="muted">({workProfileValue(item)})</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <span className="missing-data">{role.missing.workStyles}</span>
              ),
            )}
          </tbody>
        </table>
      </div>
      {styleScale && <p className="muted">Work styles: {workProfileScaleNote("workStyles", styleScale)}</p>}
    </>
  );
}
