import Link from "next/link";
import { interestCode, riasecScores } from "@/lib/interests/riasec";
import type { RatingItem, RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { BarListItem } from "./bar-list-item";
import { MissingData, RoleSection } from "./role-section";

const SHOWN = 10;

/** Skills, knowledge, abilities (and interests) ranked by O*NET importance: top ten, the rest behind <details>; the empty lists said in one line. */
export function RatingsSection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const { ratings, missing } = page;
  const anyRated = ratings.skills.length + ratings.knowledge.length + ratings.abilities.length + ratings.workActivities.length > 0;
  return (
    <RoleSection section={section}>
      {missing.ratings && <MissingData>{missing.ratings}</MissingData>}
      {anyRated && <p className="muted">Importance on O*NET&apos;s scale from 1 (not important) to 5 (extremely important), most important first.</p>}
      <RatingList heading="Skills" items={ratings.skills} max={5} />
      <RatingList heading="Knowledge" items={ratings.knowledge} max={5} />
      <RatingList heading="Abilities" items={ratings.abilities} max={5} />
      <RatingList heading="Work activities" items={ratings.workActivities} max={5} />
      {ratings.interests.length > 0 ? (
        <>
          <h3>Interests</h3>
          <p className="muted">How well each of the six RIASEC interest areas fits the work, from 1 to 7.</p>
          <RatingBars items={ratings.interests} max={7} />
          <SameInterestsLink interests={ratings.interests} />
        </>
      ) : (
        <MissingData>{missing.interests}</MissingData>
      )}
    </RoleSection>
  );
}

/** One link to browse by this career's first two interests, when O*NET scores all six areas. */
function SameInterestsLink({ interests }: { interests: RatingItem[] }) {
  const scores = riasecScores(interests.map((item) => ({ elementId: item.elementId, score: item.importance })));
  if (!scores) return null;
  const code = interestCode(scores);
  return (
    <p>
      <Link href={`/roles?interest=${code}`}>Careers with the same first two interests ({code})</Link>
    </p>
  );
}

function RatingList({ heading, items, max }: { heading: string; items: RatingItem[]; max: number }) {
  if (items.length === 0) return null;
  const top = items.slice(0, SHOWN);
  const rest = items.slice(SHOWN);
  return (
    <>
      <h3>{heading}</h3>
      <RatingBars items={top} max={max} />
      {rest.length > 0 && (
        <details>
          <summary>
            {rest.length} more {heading.toLowerCase()}
          </summary>
          <RatingBars items={rest} max={max} />
        </details>
      )}
    </>
  );
}

function RatingBars({ items, max }: { items: RatingItem[]; max: number }) {
  // Short names: printed in two columns (globals.css).
  return (
    <ol className="bar-list bar-list--short">
      {items.map((item) => (
        <BarListItem key={item.elementId} label={item.name} share={item.importance === null ? 0 : item.importance / max}>
          {item.importance === null ? "not rated" : `${item.importance.toFixed(2)} / ${max}`}
          {item.suppressed && <span className="muted"> (low precision)</span>}
        </BarListItem>
      ))}
    </ol>
  );
}
