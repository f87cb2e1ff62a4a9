import Link from "next/link";
import { formatAnnual } from "@/lib/roles/format-figures";
import type { RolePage } from "@/lib/roles/role-page.types";
import { basisLabel, missing, officialSourceLabel } from "@/lib/roles/role-sentences";
import { CorrectedValue, findCorrection } from "./community-correction";
import { MissingData, RoleSection } from "./role-section";

/** O*NET's related occupations, linked, each with its OEWS median pay; or the list as practitioners corrected it. */
export function RelatedCareers({ page }: { page: RolePage }) {
  const corrected = findCorrection(page, "RELATED_CAREERS");
  const official = page.related.length === 0 ? <MissingData>{missing.related(page)}</MissingData> : <OfficialRelated page={page} />;
  return (
    <RoleSection id="related" title="Related careers" sources={[page.onet, page.wages?.source]}>
      {corrected ? (
        <CorrectedValue correction={corrected} officialSource={officialSourceLabel(page)} official={official}>
          <ul className="related-list">
            {(corrected.roles ?? []).map((role) => {
              // Pay is shown where O*NET lists the same career; others have it on their own page.
              const known = page.related.find((r) => r.code === role.code);
              return (
                <li key={role.code}>
                  <Link href={`/roles/${role.slug}`}>{role.title}</Link>{" "}
                  {known && <span className="muted">median {formatAnnual(known.medianAnnual, known.medianTopCoded)} a year</span>}
                </li>
              );
            })}
          </ul>
        </CorrectedValue>
      ) : (
        official
      )}
    </RoleSection>
  );
}

function OfficialRelated({ page }: { page: RolePage }) {
  return (
    <ul className="related-list">
      {page.related.map((role) => (
        <li key={role.code}>
          <Link href={`/roles/${role.slug}`}>{role.title}</Link>{" "}
          <span className="muted">
            median {formatAnnual(role.medianAnnual, role.medianTopCoded)} a year
            {role.basis && role.basis.kind !== "own" ? ` (${basisLabel(role.basis)} figure)` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
