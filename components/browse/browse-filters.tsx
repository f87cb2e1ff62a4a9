import Link from "next/link";
import type { TBrowseRolesParams } from "@/lib/roles/browse-roles.types";
import { majorGroupName, SOC_MAJOR_GROUPS } from "@/lib/roles/soc-major-groups";
import { StateSelect } from "./state-select";

export const SORT_LABELS = { title: "Title (A–Z)", pay: "Median pay (highest first)", growth: "Projected growth (fastest first)", openings: "Openings a year (most first)" } as const;
const JOB_ZONES = [1, 2, 3, 4, 5] as const;

/** The address of a browse-like list (`/roles`, a path) with its filters, sort and page; `defaultSort` is left out. */
export function browseHref(base: string, params: TBrowseRolesParams, page: number, defaultSort: TBrowseRolesParams["sort"] = "title"): string {
  const query = new URLSearchParams();
  if (params.group) query.set("group", params.group);
  if (params.zone) query.set("zone", String(params.zone));
  if (params.bright) query.set("bright", params.bright);
  if (params.interest) query.set("interest", params.interest);
  if (params.state) query.set("state", params.state);
  if (params.minPay !== undefined) query.set("minPay", String(params.minPay));
  if (params.status) query.set("status", params.status);
  if (params.sort !== defaultSort) query.set("sort", params.sort);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/**
 * The filter and sort form of a browse-like list: a plain GET form, so it works without JavaScript.
 * With `states`, the reader can choose whose pay the list sorts and filters by.
 */
export function BrowseFilters({
  action,
  params,
  groups,
  label,
  states,
}: {
  action: string;
  params: TBrowseRolesParams;
  groups: readonly string[];
  label: string;
  states?: readonly { state: string; name: string }[];
}) {
  return (
    <form method="get" action={action} className="filters" aria-label={label}>
      {params.interest && <input type="hidden" name="interest" value={params.interest} />}
      {params.status && <input type="hidden" name="status" value={params.status} />}
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
      {states && states.length > 0 && <StateSelect id="filter-state" states={states} value={params.state} />}
      <div>
        <label htmlFor="filter-min-pay">Minimum median pay, $ a year</label>
        <input id="filter-min-pay" name="minPay" type="number" min={0} max={1_000_000} step={1} inputMode="numeric" defaultValue={params.minPay ?? ""} />
      </div>
      <div>
        <label htmlFor="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort" defaultValue={params.sort}>
          {Object.entries(SORT_LABELS).map(([value, sortLabel]) => (
            <option key={value} value={value}>
              {sortLabel}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Show careers</button>
    </form>
  );
}

/** Previous / next links of a paged list. */
export function Pagination({ href, page, pageCount }: { href: (page: number) => string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="pagination">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next">
          Next page
        </Link>
      )}
    </nav>
  );
}
