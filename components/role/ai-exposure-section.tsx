import { AI_LEVEL_LABEL } from "@/lib/roles/ai-exposure-level";
import { formatIndexValue, formatPercentile } from "@/lib/roles/format-figures";
import { AI_FRAME, missing, predecessorSentence } from "@/lib/roles/role-sentences";
import type { RolePage } from "@/lib/roles/role-page.types";
import { MissingData, RoleSection } from "./role-section";

/** AI exposure: each published index as value and percentile, what it measures, and the overall level. */
export function AiExposureSection({ page }: { page: RolePage }) {
  return (
    <RoleSection id="ai-exposure" title="AI exposure" sources={page.aiExposure.filter((index) => index.value !== null).map((index) => index.source)}>
      <p>{AI_FRAME}</p>
      {page.aiLevel ? (
        <p>
          <strong>Overall: {page.aiLevel.level}</strong> ({AI_LEVEL_LABEL}). The mean percentile of the {page.aiLevel.indexCount} indices with a value is {formatPercentile(page.aiLevel.meanPercentile)}; below the 33⅓rd is
          Low, from there to the 66⅔rd Medium, above High. Eloundou&apos;s γ stands for its study; α and β are shown for reference.
        </p>
      ) : (
        <MissingData>{missing.aiLevel()}</MissingData>
      )}
      {page.aiExposure.length === 0 ? (
        <MissingData>No AI-exposure index has been imported.</MissingData>
      ) : (
        <ul className="ai-indices">
          {page.aiExposure.map((index) => (
            <li key={index.metric}>
              <h3>{index.label}</h3>
              {index.value === null ? (
                <MissingData>{missing.aiIndex(index.label, index.source.version)}</MissingData>
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
      )}
    </RoleSection>
  );
}
