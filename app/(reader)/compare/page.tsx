import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { z } from "zod";
import "@/components/role/role.css";
import { compareRoles } from "@/lib/roles/compare-roles";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { ZCompareRolesInputSchema } from "@/lib/roles/compare-roles.types";
import { formatChange, formatCount, formatPercentile, formatThousands } from "@/lib/roles/format-figures";
import type { RolePage } from "@/lib/roles/role-page.types";
import { payFigure, payRange } from "@/lib/roles/pay-ladder";
import { basisLabel } from "@/lib/roles/role-sentences";

export const metadata: Metadata = { title: "Compare careers", robots: { index: false } };

interface ComparePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?roles=a,b` or `?roles=a&roles=b`. */
const ZComparePageParamsSchema = z
  .object({ roles: z.union([z.string(), z.array(z.string()).transform((slugs) => slugs.join(","))]).optional() })
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
  const { roles, unknown } = await compareRoles(parsed.data.roles);
  return (
    <>
      <h1>Compare careers</h1>
      {unknown.length > 0 && <p role="alert">No career matches {unknown.map((slug) => `“${slug}”`).join(", ")}.</p>}
      {roles.length < 2 && (
        <p>
          Add careers to the address to compare two or three side by side, e.g. <code>/compare?roles=first-slug,second-slug</code>.
        </p>
      )}
      {roles.length > 0 && <CompareTable roles={roles} />}
    </>
  );
}

function CompareTable({ roles }: { roles: RolePage[] }) {
  const row = (label: string, cell: (role: RolePage) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {roles.map((role) => (
        <td key={role.code}>{cell(role)}</td>
      ))}
    </tr>
  );
  return (
    // On a phone the table scrolls inside its own box; the page does not scroll sideways.
    <div className="table-scroll" role="region" aria-label="Careers side by side" tabIndex={0}>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Career</th>
            {roles.map((role) => (
              <th scope="col" key={role.code}>
                <Link href={`/roles/${role.slug}`}>{role.title}</Link> <span className="muted code">{role.code}</span>
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
        </tbody>
      </table>
    </div>
  );
}
