import { BRIGHT_OUTLOOK_CRITERIA } from "@/lib/roles/bright-outlook";
import { formatChange, formatCount, formatThousands } from "@/lib/roles/format-figures";
import { basisSentence } from "@/lib/roles/role-sentences";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { PayOutlookNote } from "./pay-outlook-note";
import { MissingData, RoleSection } from "./role-section";

/** Outlook: BLS employment projections and the Bright Outlook flag computed with O*NET's criteria. */
export function OutlookSection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const projection = page.projection;
  if (!projection) {
    return (
      <RoleSection section={section}>
        <MissingData>{page.missing.projection}</MissingData>
        <PayOutlookNote page={page} placement="outlook" />
      </RoleSection>
    );
  }
  const bright = projection.brightOutlook;
  const years = `${projection.baseYear}–${projection.projectedYear}`;
  return (
    <RoleSection section={section}>
      <p className="basis">{basisSentence(projection.basis)}</p>
      <dl className="facts">
        <div>
          <dt>Employment {projection.baseYear}</dt>
          <dd>{formatThousands(projection.employmentBase)}</dd>
        </div>
        <div>
          <dt>Projected employment {projection.projectedYear}</dt>
          <dd>{formatThousands(projection.employmentProjected)}</dd>
        </div>
        <div>
          <dt>Change {years}</dt>
          <dd>
            {formatChange(projection.changePercent)} ({projection.changeNumeric === null ? "not published" : `${projection.changeNumeric >= 0 ? "+" : "−"}${formatThousands(Math.abs(projection.changeNumeric))} jobs`})
          </dd>
        </div>
        <div>
          <dt>Openings a year (average)</dt>
          <dd>{formatThousands(projection.annualOpenings)}</dd>
        </div>
      </dl>
      <p className={bright.bright ? "bright-outlook bright-outlook--yes" : "bright-outlook"}>
        <strong>{bright.bright ? "Bright Outlook: yes." : "Bright Outlook: no."}</strong>{" "}
        {bright.bright
          ? `It meets ${bright.grows && bright.manyOpenings ? "both" : "one"} of O*NET's criteria${bright.grows ? `: growth of ${formatChange(projection.changePercent)}` : ""}${bright.grows && bright.manyOpenings ? " and" : bright.manyOpenings ? ":" : ""}${bright.manyOpenings ? ` about ${formatCount(bright.openingsOverPeriod)} openings over ${years}` : ""}.`
          : "It meets neither of O*NET's criteria."}
      </p>
      <p className="muted">
        O*NET calls an occupation Bright Outlook when it is projected to grow faster than average (an employment increase of {BRIGHT_OUTLOOK_CRITERIA.growthPercent}% or more over the projections period) or to have{" "}
        {formatCount(BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod)} or more job openings over the period ({formatCount(BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod / bright.periodYears)} a year over {bright.periodYears} years). Computed here from BLS Table 1.2;{" "}
        <a href={BRIGHT_OUTLOOK_CRITERIA.sourceUrl} rel="noopener">
          O*NET&apos;s criteria
        </a>
        .
      </p>
      <PayOutlookNote page={page} placement="outlook" />
    </RoleSection>
  );
}
