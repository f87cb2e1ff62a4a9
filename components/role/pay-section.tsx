import { formatAnnual, formatChange, formatCount, formatHourly, OEWS_TOP_CODE } from "@/lib/roles/format-figures";
import { payFigure } from "@/lib/roles/pay-ladder";
import { basisSentence, PAY_LADDER_NOTE, PERCENTILE_NAMES } from "@/lib/roles/role-sentences";
import type { PayPoint, RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { PayOutlookNote } from "./pay-outlook-note";
import { MissingData, RoleSection } from "./role-section";
import { LifetimeEarningsLink } from "./state-chooser";
import { StatePay } from "./state-pay";

/** Pay: the headline median (hourly where BLS publishes only hourly wages), the percentile ladder, employment, the change since the previous release, and pay by state. */
export function PaySection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const wages = page.wages;
  const headline = page.shown.pay;
  if (!wages) {
    return (
      <RoleSection section={section}>
        <MissingData>{page.missing.wages}</MissingData>
        <PayOutlookNote page={page} placement="pay" />
      </RoleSection>
    );
  }
  const unit = headline?.unit ?? "annual";
  return (
    <RoleSection section={section}>
      <p className="basis">{basisSentence(wages.basis)}</p>
      <p>
        {headline && (
          <>
            Median pay {payFigure(headline.unit, headline.median)}
            {headline.unit === "annual" && !wages.annualOnly && <> ({payFigure("hourly", wages.hourly.find((p) => p.percentile === 50))})</>}, {wages.source.referencePeriod}.{" "}
          </>
        )}
        Employment: {formatCount(wages.employment)}.
        {wages.previous && wages.previous.changePercent !== null && (
          <>
            {" "}
            Median in {wages.previous.source.referencePeriod}: {formatAnnual(wages.previous.annualMedian, wages.previous.medianTopCoded)} ({formatChange(wages.previous.changePercent)} in a year).
          </>
        )}
      </p>
      {wages.hourlyOnly && <p>BLS publishes only hourly wages for this occupation.</p>}
      {wages.annualOnly && <p>BLS publishes only annual wages for this occupation (it is not usually paid by the hour).</p>}
      <h3>Pay percentiles</h3>
      <PayLadderChart points={unit === "hourly" ? wages.hourly : wages.annual} unit={unit} />
      <p className="muted">{PAY_LADDER_NOTE}</p>
      <div className="table-scroll" role="region" aria-label="Pay percentiles table" tabIndex={0}>
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
                  <th scope="row">{PERCENTILE_NAMES[point.percentile]}</th>
                  <td>{formatAnnual(point.value, point.topCoded)}</td>
                  <td>{formatHourly(hourly.value, hourly.topCoded)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {[...wages.annual, ...wages.hourly].some((p) => p.topCoded) && (
        <p className="muted">
          “≥” marks figures BLS publishes only as at or above the top of its wage range ({formatAnnual(OEWS_TOP_CODE.annual)} a year, {formatHourly(OEWS_TOP_CODE.hourly)} an hour).
        </p>
      )}
      {page.stateWages && <StatePay stateWages={page.stateWages} nationalBasis={wages.basis} />}
      <p>
        <LifetimeEarningsLink slug={page.slug} states={page.stateWages?.states.map(({ state, name }) => ({ state, name })) ?? []} />: this pay over a working life, minus the cost of the typical education.
      </p>
      <PayOutlookNote page={page} placement="pay" />
    </RoleSection>
  );
}

/** The percentile ladder as HTML bars (no client JavaScript): text labels stay readable at any width. */
function PayLadderChart({ points, unit }: { points: readonly PayPoint[]; unit: "annual" | "hourly" }) {
  const top = unit === "annual" ? OEWS_TOP_CODE.annual : OEWS_TOP_CODE.hourly;
  const shown = points.map((p) => ({ ...p, bar: p.topCoded ? top : p.value }));
  const max = Math.max(...shown.map((p) => p.bar ?? 0), 1);
  const format = unit === "annual" ? formatAnnual : formatHourly;
  const summary = shown.map((p) => `${PERCENTILE_NAMES[p.percentile]}: ${format(p.value, p.topCoded)}`).join("; ");
  return (
    <div className="pay-ladder" role="img" aria-label={`Pay percentiles, ${unit}: ${summary}`}>
      {shown.map((p) => (
        <div key={p.percentile} className="pay-ladder__row">
          <span className="pay-ladder__label">{PERCENTILE_NAMES[p.percentile]}</span>
          <span className="pay-ladder__track">
            <span className={p.percentile === 50 ? "pay-ladder__bar pay-ladder__bar--median" : "pay-ladder__bar"} style={{ width: `${p.bar === null ? 0 : Math.max(1, (p.bar / max) * 100)}%` }} />
          </span>
          <span className="pay-ladder__value">{format(p.value, p.topCoded)}</span>
        </div>
      ))}
    </div>
  );
}
