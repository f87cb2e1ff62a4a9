import type { RoleSummary } from "./find-role-summaries";
import type { StatePay } from "./find-state-pay";

/**
 * The role summaries with a state's OEWS figures in place of the national ones (median,
 * 25th and 75th percentiles, the SOC group they stand for), so that browse's pay sort and
 * filter, the interest ranking's pay filter and the earnings view use the chosen state.
 * A career BLS publishes no figure for in that state has none (never the national one).
 */
export function withStatePay(summaries: readonly RoleSummary[], statePay: StatePay): RoleSummary[] {
  return summaries.map((role) => {
    const figure = statePay.byOccupation[role.code];
    return {
      ...role,
      medianAnnualWage: figure?.annualMedian ?? null,
      annualP25: figure?.annualP25 ?? null,
      annualP75: figure?.annualP75 ?? null,
      wageGroupCode: figure?.groupCode ?? null,
    };
  });
}
