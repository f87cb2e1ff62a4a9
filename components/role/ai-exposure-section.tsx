import { formatIndexValue, formatPercentile } from "@/lib/roles/format-figures";
import { AI_FRAME, aiLevelSentence, predecessorSentence } from "@/lib/roles/role-sentences";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { MissingData, RoleSection } from "./role-section";

/** AI exposure: the level in plain words first; the indices behind it, with their technical names, in a disclosure. */
export function AiExposureSection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  return (
    <RoleSection section={section}>
      {page.aiLevel ? (
        <p className="ai-level">
          <strong>{aiLevelSentence(page.aiLevel)}</strong>
        </p>
      ) : (
        <MissingData>{page.missing.aiLevel}</MissingData>
      )}
      <p>{AI_FRAME}</p>
      {page.missing.aiIndices ? (
        <MissingData>{page.missing.aiIndices}</MissingData>
      ) : (
        <details className="ai-indices-details">
          <summary>The {page.aiExposure.length} indices behind this level</summary>
          {page.aiLevel && (
            <p>
              The level is the mean percentile of the {page.aiLevel.indexCount} indices with a value, {formatPercentile(page.aiLevel.meanPercentile)}; below the 33⅓rd is Low, from there to the 66⅔rd
              Medium, above High. Eloundou&apos;s γ stands for its study; α and β are shown for reference.
            </p>
          )}
          <ul className="ai-indices">
            {page.aiExposure.map((index) => (
              <li key={index.metric}>
                <h3>{index.label}</h3>
                {index.value === null ? (
                  <MissingData>
                    {index.label} ({index.source.version}) has no value for this occupation.
                  </MissingData>
                ) : (
                  <p>
                    <strong>{formatIndexValue(index.value)}</strong>, {formatPercentile(index.percentile)} percentile among the occupations this index covers.{" "}
                    {predecessorSentence(index.predecessorCodes, index.code)}
                  </p>
                )}
                <p className="muted">{index.measures}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </RoleSection>
  );
}
