import type { TEarningsQuery } from "./compute-earnings.types";

/** The query string of an earnings view (page or JSON), every choice spelled out so the address is the whole view. */
export function earningsSearchParams(query: TEarningsQuery): string {
  return new URLSearchParams({
    roles: query.roles.join(","),
    sector: query.sector,
    path: query.path,
    years: String(query.years),
    inflation: String(query.inflation),
    discount: String(query.discount),
    ...(query.state ? { state: query.state } : {}),
  }).toString();
}
