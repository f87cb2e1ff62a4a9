import type { Metadata } from "next";
import Link from "next/link";
import { RoleTable } from "@/components/browse/role-table";
import { browseRoles } from "@/lib/roles/browse-roles";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { BROWSE_PAGE_SIZE, ZBrowsePageParamsSchema, type TBrowseRolesParams } from "@/lib/roles/browse-roles.types";
import { BRIGHT_OUTLOOK_CRITERIA } from "@/lib/roles/bright-outlook";
import { findRoleSummariesCached } from "@/lib/roles/cached-role-summaries";
import { formatCount } from "@/lib/roles/format-figures";
import { majorGroupName, SOC_MAJOR_GROUPS } from "@/lib/roles/soc-major-groups";

export const metadata: Metadata = { title: "Browse careers", alternates: { canonical: "/roles" } };

interface BrowsePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const SORT_LABELS = { title: "Title (A–Z)", pay: "Median pay (highest first)", growth: "Projected growth (fastest first)", openings: "Openings a year (most first)" } as const;
const JOB_ZONES = [1, 2, 3, 4, 5] as const;

/**
 * /roles: every career, filtered by SOC major group, job zone and Bright Outlook, sorted
 * by pay, growth or openings, 50 a page. The list comes from Next's data cache, so a
 * view reads no database; bad parameters get a message, not an error page.
 */
export default async function BrowsePage({ searchParams }: BrowsePageProps) {
  const parsed = parsePageSearchParams(ZBrowsePageParamsSchema, await searchParams);
  if (!parsed.success) {
    return (
      <>
        <h1>Browse careers</h1>
        <div role="alert" className="notice">
          <p>This list cannot be shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}</p>
          <p>
            <Link href="/roles">Show all careers</Link>
          </p>
        </div>
      </>
    );
  }
  const params = parsed.data;
  const summaries = await findRoleSummariesCached();
  const result = browseRoles(summaries, params, BROWSE_PAGE_SIZE);
  const groups = [...new Set(summaries.map((role) => role.majorGroup))].sort();

  return (
    <>
      <h1>Browse careers</h1>
      <form method="get" action="/roles" className="filters" aria-label="Filter and sort careers">
        <div>
          <label htmlFor="filter-group">Occupation group</label>
          <select id="filter-group" name="group" defaultValue={params.group ?? ""}>
            <option value="">All groups</option>
            {groups.map((group) => (
              <option key={group} value={group}>
                {group in SOC_MAJOR_GROUPS ? SOC_MAJOR_GROUPS[group] : majorGroupName(group)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-zone">Job zone (preparation needed)</label>
          <select id="filter-zone" name="zone" defaultValue={params.zone?.toString() ?? ""}>
            <option value="">Any</option>
            {JOB_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                Job zone {zone}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__check">
          <input id="filter-bright" type="checkbox" name="bright" value="1" defaultChecked={params.bright === "1"} />
          <label htmlFor="filter-bright">Bright Outlook only</label>
        </div>
        <div>
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={params.sort}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show careers</button>
      </form>
      <p className="muted">
        Bright Outlook: projected to grow {BRIGHT_OUTLOOK_CRITERIA.growthPercent} % or more, or to have {formatCount(BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod)} or
        more openings, over the BLS projections period (O*NET&apos;s criteria). Pay, growth and openings use the occupation&apos;s own SOC code, else its
        smallest published SOC group, as the role pages do.
      </p>

      <h2 id="results">
        {formatCount(result.total)} career{result.total === 1 ? "" : "s"}
        {params.group ? ` in ${majorGroupName(params.group)}` : ""}
      </h2>
      {result.total === 0 ? (
        <p>No career matches these filters.</p>
      ) : params.page > result.pageCount ? (
        <p role="alert">
          There is no page {params.page}: this list has {result.pageCount} page{result.pageCount === 1 ? "" : "s"}.{" "}
          <Link href={pageHref(params, 1)}>Go to page 1</Link>
        </p>
      ) : (
        <>
          <RoleTable roles={result.roles} caption={`Careers, sorted by ${SORT_LABELS[params.sort].toLowerCase()}`} />
          <Pagination params={params} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </>
  );
}

function pageHref(params: TBrowseRolesParams, page: number): string {
  const query = new URLSearchParams();
  if (params.group) query.set("group", params.group);
  if (params.zone) query.set("zone", String(params.zone));
  if (params.bright) query.set("bright", params.bright);
  if (params.sort !== "title") query.set("sort", params.sort);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/roles?${text}` : "/roles";
}

function Pagination({ params, page, pageCount }: { params: TBrowseRolesParams; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="pagination">
      {page > 1 && (
        <Link href={pageHref(params, page - 1)} rel="prev">
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={pageHref(params, page + 1)} rel="next">
          Next page
        </Link>
      )}
    </nav>
  );
}
