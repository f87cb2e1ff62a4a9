import { formatAnnual, formatChange, formatCount, formatHourly, OEWS_TOP_CODE } from "@/lib/roles/format-figures";
import { basisSentence, missing, PAY_LADDER_NOTE } from "@/lib/roles/role-sentences";
import { payAt } from "@/lib/roles/pay-ladder";
import type { PayPoint, RolePage } from "@/lib/roles/role-page.types";
import { PayOutlookNote } from "./pay-outlook-note";
import { MissingData, RoleSection } from "./role-section";

const STEP_NAMES: Record<PayPoint["percentile"], string> = { 10: "Entry (10th percentile)", 25: "Early (25th)", 50: "Median (50th)", 75: "Experienced (75th)", 90: "Expert (90th)" };

/** Pay: the OEWS percentile ladder (annual and hourly), employment, and the change since the previous release. */
export function PaySection({ page }: { page: RolePage }) {
  const wages = page.wages;
  if (!wages) {
    return (
      <RoleSection id="pay" title="Pay">
        <MissingData>{missing.wages(page)}</MissingData>
        <PayOutlookNote page={page} placement="pay" />
      </RoleSection>
    );
  }
  const median = payAt(wages.annual, 50)!;
  const hourlyMedian = payAt(wages.hourly, 50)!;
  return (
    <RoleSection id="pay" title="Pay" sources={[wages.source, wages.previous?.source]}>
      <p className="basis">{basisSentence(wages.basis)}</p>
      <p>
        Median pay {formatAnnual(median.value, median.topCoded)} a year
        {!wages.annualOnly && <> ({formatHourly(hourlyMedian.value, hourlyMedian.topCoded)} an hour)</>}
        , {wages.source.referencePeriod}. Employment: {formatCount(wages.employment)}.
        {wages.previous && wages.previous.changePercent !== null && (
          <>
            {" "}
            Median in {wages.previous.source.referencePeriod}: {formatAnnual(wages.previous.annualMedian, wages.previous.medianTopCoded)} ({formatChange(wages.previous.changePercent)} in a year).
          </>
        )}
      </p>
      {wages.hourlyOnly && <p>BLS publishes only hourly wages for this occupation.</p>}
      {wages.annualOnly && <p>BLS publishes only annual wages for this occupation (it is not usually paid by the hour).</p>}
      <h3>Typical pay from entry to expert</h3>
      <PayLadderChart points={wages.hourlyOnly ? wages.hourly : wages.annual} unit={wages.hourlyOnly ? "hourly" : "annual"} />
      <p className="muted">{PAY_LADDER_NOTE}</p>
      <table className="figures">
        <caption className="visually-hidden">Pay percentiles</caption>
        <thead>
          <tr>
            <th scope="col">Percentile</th>
            <th scope="col">Annual</th>
            <th scope="col">Hourly</th>
          </tr>
        </thead>
        <tbody>
          {wages.annual.map((point, index) => {
            const hourly = wages.hourly[index]!;
            return (
              <tr key={point.percentile}>
                <th scope="row">{STEP_NAMES[point.percentile]}</th>
                <td>{formatAnnual(point.value, point.topCoded)}</td>
                <td>{formatHourly(hourly.value, hourly.topCoded)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {[...wages.annual, ...wages.hourly].some((p) => p.topCoded) && (
        <p className="muted">
          “≥” marks figures BLS publishes only as at or above the top of its wage range ({formatAnnual(OEWS_TOP_CODE.annual)} a year, {formatHourly(OEWS_TOP_CODE.hourly)} an hour).
        </p>
      )}
      <PayOutlookNote page={page} placement="pay" />
    </RoleSection>
  );
}

/** The percentile ladder as server-rendered SVG bars (no client JavaScript). */
function PayLadderChart({ points, unit }: { points: readonly PayPoint[]; unit: "annual" | "hourly" }) {
  const top = unit === "annual" ? OEWS_TOP_CODE.annual : OEWS_TOP_CODE.hourly;
  const shown = points.map((p) => ({ ...p, bar: p.topCoded ? top : p.value }));
  const max = Math.max(...shown.map((p) => p.bar ?? 0), 1);
  const format = unit === "annual" ? formatAnnual : formatHourly;
  const rowHeight = 30;
  const labelWidth = 150;
  const barSpace = 330;
  const height = shown.length * rowHeight + 4;
  const summary = shown.map((p) => `${STEP_NAMES[p.percentile]}: ${format(p.value, p.topCoded)}`).join("; ");
  return (
    <svg className="pay-ladder" viewBox={`0 0 ${labelWidth + barSpace + 120} ${height}`} role="img" aria-label={`Pay percentiles, ${unit}: ${summary}`}>
      {shown.map((p, index) => {
        const y = index * rowHeight + 2;
        const width = p.bar === null ? 0 : Math.max(2, (p.bar / max) * barSpace);
        return (
          <g key={p.percentile}>
            <text x={0} y={y + 19} className="pay-ladder__label">
              {STEP_NAMES[p.percentile]}
            </text>
            <rect x={labelWidth} y={y + 4} width={width} height={rowHeight - 10} rx={3} className={p.percentile === 50 ? "pay-ladder__bar pay-ladder__bar--median" : "pay-ladder__bar"} />
            <text x={labelWidth + width + 6} y={y + 19} className="pay-ladder__value">
              {format(p.value, p.topCoded)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
