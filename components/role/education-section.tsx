import { formatDollars, formatShare } from "@/lib/roles/format-figures";
import { basisSentence, officialSourceLabel } from "@/lib/roles/role-sentences";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { CorrectedValue } from "./community-correction";
import { BarListItem } from "./bar-list-item";
import { MissingData, RoleSection } from "./role-section";

/** Education and training: BLS entry requirements, the O*NET job zone and education levels, cost, and the career video. */
export function EducationSection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const projection = page.projection;
  const education = page.shown.education;
  const educationCorrected = education.correction && (
    <CorrectedValue correction={education.correction} officialSource={officialSourceLabel(page)}>
      Education: {education.value}
    </CorrectedValue>
  );
  return (
    <RoleSection section={section}>
      <h3>What BLS says it takes to enter</h3>
      {projection ? (
        <>
          <dl className="facts">
            <div>
              <dt>Typical entry education</dt>
              <dd>{projection.entryEducation ?? "Not published"}</dd>
            </div>
            <div>
              <dt>Work experience in a related occupation</dt>
              <dd>{projection.workExperience ?? "Not published"}</dd>
            </div>
            <div>
              <dt>On-the-job training</dt>
              <dd>{projection.onTheJobTraining ?? "Not published"}</dd>
            </div>
          </dl>
          {projection.basis.kind !== "own" && <p className="basis">{basisSentence(projection.basis)}</p>}
        </>
      ) : (
        <MissingData>{page.missing.projection}</MissingData>
      )}

      <h3>Job zone</h3>
      {page.jobZone ? (
        <div className="job-zone">
          <p>
            <strong>{page.jobZone.name}</strong> (zone {page.jobZone.zone} of 5, from little to extensive preparation).
          </p>
          <ul>
            <li>{educationCorrected || <>Education: {page.jobZone.education}</>}</li>
            <li>Experience: {page.jobZone.experience}</li>
            <li>Training: {page.jobZone.training}</li>
          </ul>
        </div>
      ) : (
        <>
          <MissingData>{page.missing.jobZone}</MissingData>
          {educationCorrected}
        </>
      )}

      <h3>Education of people in the job (O*NET)</h3>
      {page.educationLevels.length > 0 ? (
        <>
          <p className="muted">Share of respondents who say each level of education is required for the job.</p>
          <ul className="bar-list">
            {page.educationLevels.map((level) => (
              <BarListItem key={level.category} label={level.label} share={level.percent / 100}>
                {formatShare(level.percent)}
                {level.suppressed && <span className="muted"> (low precision)</span>}
              </BarListItem>
            ))}
          </ul>
        </>
      ) : (
        <MissingData>{page.missing.educationLevels}</MissingData>
      )}

      <h3>What college costs</h3>
      {page.educationCost ? (
        <>
          <p>{page.educationCostNote}</p>
          <div className="table-scroll" role="region" aria-label="College costs table" tabIndex={0}>
          <table className="figures">
            <caption className="visually-hidden">Average published college charges</caption>
            <thead>
              <tr>
                <th scope="col">Institutions</th>
                <th scope="col">Tuition and fees, one year</th>
                <th scope="col">With room and board, one year</th>
                <th scope="col">With room and board, {page.educationCost.years === 1 ? "one year" : `${page.educationCost.years} years`}</th>
              </tr>
            </thead>
            <tbody>
              {page.educationCost.rows.map((row) => (
                <tr key={row.sector}>
                  <th scope="row">{row.label}</th>
                  <td>{formatDollars(row.tuitionFees)}</td>
                  <td>{formatDollars(row.total)}</td>
                  <td>{formatDollars(row.total === null ? null : row.total * page.educationCost!.years)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      ) : (
        <p className="missing-data">{page.educationCostNote}</p>
      )}

      <h3>Career video</h3>
      {page.video ? (
        <p>
          <a href={page.video.pageUrl} rel="noopener">
            Watch the CareerOneStop video{page.video.relatedOccupation ? ` about ${page.video.relatedOccupation.title}` : ` about ${page.title}`}
          </a>{" "}
          (on careeronestop.org).
          {page.video.relatedOccupation && (
            <> CareerOneStop has no video of this occupation&apos;s own: this one is about a related career, {page.video.relatedOccupation.title} ({page.video.relatedOccupation.code}).</>
          )}
        </p>
      ) : (
        <MissingData>{page.missing.video}</MissingData>
      )}
    </RoleSection>
  );
}
