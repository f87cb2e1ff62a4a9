import { formatAnnual, formatCount, formatRatio } from "@/lib/roles/format-figures";
import { basisLabel, stateWagesSentence } from "@/lib/roles/role-sentences";
import type { FigureBasis, RoleStateWages } from "@/lib/roles/role-page.types";
import { StateChooser } from "./state-chooser";

/**
 * Pay by state inside the Pay section: the chooser (the reader's state, remembered in the
 * browser) and the sorted table of states, folded in a <details> so the page stays short.
 * Each row has an anchor, `#pay-CA`, to link to one state without a query string.
 */
export function StatePay({ stateWages, nationalBasis }: { stateWages: RoleStateWages; nationalBasis: FigureBasis | null }) {
  const rows = stateWages.states.map((row) => ({
    ...row,
    median: formatAnnual(row.annualMedian, row.topCoded.includes("A_MEDIAN")),
    range: `${formatAnnual(row.annualP10, row.topCoded.includes("A_PCT10"))} – ${formatAnnual(row.annualP90, row.topCoded.includes("A_PCT90"))}`,
  }));
  return (
    <>
      <h3 id="pay-by-state">Pay by state</h3>
      <StateChooser states={rows.map(({ state, name, median }) => ({ state, name, median }))} />
      <details className="state-pay">
        <summary>Pay in {rows.length} states, highest median first</summary>
        <p className="basis">{stateWagesSentence(stateWages, nationalBasis)}</p>
        <div className="table-scroll" role="region" aria-label="Pay by state table" tabIndex={0}>
          <table className="figures">
            <caption className="visually-hidden">Pay by state, {stateWages.source.referencePeriod}</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Median (annual)</th>
                <th scope="col">10th–90th percentile</th>
                <th scope="col">Employment</th>
                <th scope="col">Jobs per 1,000</th>
                <th scope="col">Location quotient</th>
                <th scope="col">Figure for</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.areaCode} id={`pay-${row.state}`} data-pay-state={row.state}>
                  <th scope="row">
                    <a href={`#pay-${row.state}`}>{row.name}</a>
                  </th>
                  <td>{row.median}</td>
                  <td>{row.range}</td>
                  <td>{formatCount(row.employment)}</td>
                  <td>{formatRatio(row.jobsPer1000)}</td>
                  <td>{formatRatio(row.locationQuotient)}</td>
                  <td>{basisLabel(row.basis)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
