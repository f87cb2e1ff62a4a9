import { AI_LEVEL_LABEL } from "@/lib/roles/ai-exposure-level";
import { formatChange } from "@/lib/roles/format-figures";
import type { RolePage } from "@/lib/roles/role-page.types";
import { payFigure, payRange } from "@/lib/roles/pay-ladder";

/** Facts at a glance: pay (hourly where BLS publishes only hourly wages), entry education, training time, growth, AI-exposure level. */
export function QuickFacts({ page }: { page: RolePage }) {
  const pay = page.shown.pay;
  return (
    <section aria-labelledby="quick-facts" className="quick-facts">
      <h2 id="quick-facts" className="visually-hidden">
        Facts at a glance
      </h2>
      <dl>
        <div>
          <dt>Median pay</dt>
          <dd>
            {pay ? (
              <>
                {payFigure(pay.unit, pay.median)}
                <span className="fact-note">10th–90th percentile: {payRange(pay)}</span>
                {page.wages!.basis.kind !== "own" && <span className="fact-note">SOC group {page.wages!.basis.socCode} figure</span>}
              </>
            ) : (
              "Not published"
            )}
          </dd>
        </div>
        <div>
          <dt>Typical entry education</dt>
          <dd>{page.projection?.entryEducation ?? "Not published"}</dd>
        </div>
        <div>
          <dt>Training time</dt>
          <dd>
            {page.jobZone ? (
              <>
                Job zone {page.jobZone.zone} of 5<span className="fact-note">{page.jobZone.name.replace(/^Job Zone \w+: /, "")}</span>
              </>
            ) : (
              "Not rated"
            )}
          </dd>
        </div>
        <div>
          <dt>Projected growth</dt>
          <dd>
            {page.projection && page.projection.changePercent !== null ? (
              <>
                {formatChange(page.projection.changePercent)}
                <span className="fact-note">
                  {page.projection.baseYear}–{page.projection.projectedYear}
                  {page.projection.brightOutlook.bright ? " · Bright Outlook" : ""}
                </span>
              </>
            ) : (
              "Not published"
            )}
          </dd>
        </div>
        <div>
          <dt>AI exposure</dt>
          <dd>
            {page.aiLevel ? (
              <>
                {page.aiLevel.level}
                <span className="fact-note">{AI_LEVEL_LABEL}</span>
              </>
            ) : (
              "No index value"
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
