import type { TBrowseRolesParams } from "./browse-roles.types";
import type { RoleSummary } from "./find-role-summaries";

export interface BrowseRolesResult {
  roles: RoleSummary[];
  /** Roles that pass the filters (all pages). */
  total: number;
  page: number;
  pageCount: number;
}

const byTitle = (a: RoleSummary, b: RoleSummary) => a.title.localeCompare(b.title, "en");

/** Highest first, roles without the figure last, ties by title. */
function byFigure(figure: (role: RoleSummary) => number | null) {
  return (a: RoleSummary, b: RoleSummary) => {
    const x = figure(a);
    const y = figure(b);
    if (x === null || y === null) return x === y ? byTitle(a, b) : x === null ? 1 : -1;
    return y - x || byTitle(a, b);
  };
}

const SORTS = {
  title: byTitle,
  pay: byFigure((role) => role.medianAnnualWage),
  growth: byFigure((role) => role.changePercent),
  openings: byFigure((role) => role.annualOpenings),
} as const;

/**
 * The list browse filters: the current O*NET release's occupations, or with `?status=left` those
 * that left it (lib/releases/find-left-occupations.ts), whose pages stay.
 */
export function browseList<T>(lists: { current: readonly T[]; left: readonly T[] }, params: Pick<TBrowseRolesParams, "status">): readonly T[] {
  return params.status === "left" ? lists.left : lists.current;
}

/** Filters, sorts and pages the role summaries (pure: the list comes from the cache; a chosen state's pay is already in it, see withStatePay). */
export function browseRoles(summaries: readonly RoleSummary[], params: TBrowseRolesParams, pageSize: number): BrowseRolesResult {
  const filtered = summaries.filter(
    (role) =>
      (params.group === undefined || role.majorGroup === params.group) &&
      (params.zone === undefined || role.jobZone === params.zone) &&
      (params.bright === undefined || role.brightOutlook) &&
      (params.minPay === undefined || (role.medianAnnualWage !== null && role.medianAnnualWage >= params.minPay)) &&
      (params.interest === undefined || (role.interestCode !== null && role.interestCode.startsWith(params.interest))),
  );
  const sorted = [...filtered].sort(SORTS[params.sort]);
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const start = (params.page - 1) * pageSize;
  return { roles: sorted.slice(start, start + pageSize), total: sorted.length, page: params.page, pageCount };
}

/** Roles per SOC major group, for home's "browse by group". */
export function countByMajorGroup(summaries: readonly RoleSummary[]): { group: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const role of summaries) counts.set(role.majorGroup, (counts.get(role.majorGroup) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([group, count]) => ({ group, count }));
}

/** The first `count` roles by a figure, highest first, leaving out roles without it. */
export function topRoles(summaries: readonly RoleSummary[], sort: "pay" | "growth", count: number): RoleSummary[] {
  const figure = sort === "pay" ? (role: RoleSummary) => role.medianAnnualWage : (role: RoleSummary) => role.changePercent;
  return summaries.filter((role) => figure(role) !== null).sort(SORTS[sort]).slice(0, count);
}
