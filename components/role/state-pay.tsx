import { formatCount, formatRatio } from "@/lib/roles/format-figures";
import { areaPayMedian, areaPayRange } from "@/lib/roles/pay-ladder";
import { basisDiffersByRow, basisLabel, stateWagesSentence } from "@/lib/roles/role-sentences";
import type { FigureBasis, RoleAreaWage, RoleStateWages } from "@/lib/roles/role-page.types";
import { StateChooser } from "./state-chooser";

/**
 * Pay by state inside the Pay section: the chooser (the reader's state, remembered in the
 * browser) and the sorted tables of states and, when BLS's MSA file was imported, metro
 * areas, folded in <details> so the page stays short. Each state row has an anchor,
 * `#pay-CA`, to link to one state without a query string; with a state chosen, the metro
 * table shows that state's metro areas (all of them without JavaScript).
 */
export function StatePay({ stateWages, nationalBasis }: { stateWages: RoleStateWages; nationalBasis: FigureBasis | null }) {
  const { states, metros } = stateWages;
  const metrosIn = (state: string) => metros.filter((metro) => metro.state === state).length;
  return (
    <>
      <h3 id="pay-by-state">Pay by state</h3>
      {states.length > 0 && (
        <>
          <StateChooser
            states={states
              .map((row) => ({ state: row.state, name: row.name, median: areaPayMedian(row), metros: metrosIn(row.state) }))
              .sort((a, b) => a.name.localeCompare(b.name))}
          />
          <details className="state-pay">
            <summary>Pay in {states.length} states, highest median first</summary>
            <p className="basis">{stateWagesSentence(stateWages, nationalBasis, "states")}</p>
            <AreaTable rows={states} scope="states" referencePeriod={stateWages.source.referencePeriod} />
          </details>
        </>
      )}
      {metros.length > 0 && (
        <details className="state-pay" id="pay-by-metro">
          <summary>Pay in {metros.length} metro areas, highest median first</summary>
          <p className="basis">
            {stateWagesSentence(stateWages, nationalBasis, "metros")} A metro area that spans states is listed under its primary state.
          </p>
          <AreaTable rows={metros} scope="metros" referencePeriod={stateWages.source.referencePeriod} />
        </details>
      )}
    </>
  );
}

function AreaTable({ rows, scope, referencePeriod }: { rows: readonly RoleAreaWage[]; scope: "states" | "metros"; referencePeriod: string }) {
  const label = scope === "states" ? "Pay by state" : "Pay by metro area";
  const basisPerRow = basisDiffersByRow(rows);
  return (
    <div className="table-scroll" role="region" aria-label={`${label} table`} tabIndex={0}>
      <table className="figures">
        <caption className="visually-hidden">
          {label}, {referencePeriod}
        </caption>
        <thead>
          <tr>
            <th scope="col">{scope === "states" ? "State" : "Metro area"}</th>
            <th scope="col">Median (annual)</th>
            <th scope="col">10th–90th percentile</th>
            <th scope="col">Employment</th>
            <th scope="col">Jobs per 1,000</th>
            <th scope="col">Location quotient</th>
            {basisPerRow && <th scope="col">Figure for</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.areaCode}
              {...(scope === "states" ? { id: `pay-${row.state}`, "data-pay-state": row.state } : { id: `pay-metro-${row.areaCode}`, "data-metro-state": row.state })}
            >
              <th scope="row">{scope === "states" ? <a href={`#pay-${row.state}`}>{row.name}</a> : row.name}</th>
              <td>{areaPayMedian(row)}</td>
              <td>{areaPayRange(row)}</td>
              <td>{formatCount(row.employment)}</td>
              <td>{formatRatio(row.jobsPer1000)}</td>
              <td>{formatRatio(row.locationQuotient)}</td>
              {basisPerRow && <td>{basisLabel(row.basis)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
