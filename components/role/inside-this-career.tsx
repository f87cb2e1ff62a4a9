import Link from "next/link";
import { nestNarrativeHeadings } from "@/lib/community/narrative-text";
import type { RoleNarrative, RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { PractitionerBadges } from "@/components/community/practitioner-badges";
import { MissingData, RoleSection } from "./role-section";
import { DateTime } from "@/components/ui/date-time";

/** Narratives shown in full before the rest fold into "N more accounts" (all in the HTML, so every one is reachable by its anchor). */
const SHOWN_NARRATIVES = 5;

/**
 * "Inside this career": every approved practitioner's account, newest first, with its
 * author (a server component, no client JavaScript); with none yet, the section invites the
 * first one.
 */
export function InsideThisCareer({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const shown = page.narratives.slice(0, SHOWN_NARRATIVES);
  const older = page.narratives.slice(SHOWN_NARRATIVES);
  return (
    <RoleSection section={section} className="inside-this-career">
      {page.missing.narratives ? (
        <MissingData>{page.missing.narratives} The official data says what the job involves; only the people in it can say what it is like.</MissingData>
      ) : (
        <p className="muted">
          {page.narratives.length === 1 ? "One account" : `${page.narratives.length} accounts`} by people who do this work, newest first. Each was checked by a moderator; it is their view, not official data.
        </p>
      )}
      {shown.map((narrative) => (
        <Narrative key={narrative.id} narrative={narrative} />
      ))}
      {older.length > 0 && (
        <details className="more-narratives">
          <summary>
            {older.length} older {older.length === 1 ? "account" : "accounts"}
          </summary>
          {older.map((narrative) => (
            <Narrative key={narrative.id} narrative={narrative} />
          ))}
        </details>
      )}
      <p className="call-to-action">
        <strong>Work {workAsPhrase(page.title)}?</strong>{" "}
        <Link href={`/contribute/narrative?role=${encodeURIComponent(page.slug)}`} rel="nofollow">
          Share what the job is really like
        </Link>
      </p>
    </RoleSection>
  );
}

function Narrative({ narrative }: { narrative: RoleNarrative }) {
  return (
    <article id={`narrative-${narrative.id}`} className="narrative" data-testid="narrative" aria-labelledby={`narrative-${narrative.id}-title`}>
      <h3 id={`narrative-${narrative.id}-title`}>
        {narrative.title}, by {narrative.author.profileHref ? <Link href={narrative.author.profileHref}>{narrative.author.name}</Link> : narrative.author.name}
      </h3>
      <PractitionerBadges badges={narrative.author.badges} />
      <p className="muted">
        {narrative.author.jobTitle && `${narrative.author.jobTitle} · `}
        Published <DateTime value={narrative.publishedAt} precision="date" />
      </p>
      {/* Stored as sanitised HTML: rendered from the editor's JSON and cleaned with an allowlist on the server. */}
      <div dangerouslySetInnerHTML={{ __html: nestNarrativeHeadings(narrative.html, 2) }} />
      {narrative.answers.map((a) => (
        <div key={a.key}>
          <h4>{a.prompt}</h4>
          <p>{a.text}</p>
        </div>
      ))}
      <Link href={`/contribute/report/${narrative.id}`} rel="nofollow" className="hint">
        Report this narrative
      </Link>
    </article>
  );
}

/**
 * "as a Test Widget Engineer" from O*NET's plural title when it names one kind of worker;
 * titles that list several ("Buyers and Purchasing Agents", "Cooks, Fast Food") are
 * quoted as they are.
 */
function workAsPhrase(title: string): string {
  if (/,| and | or |\//.test(title) || !/s$/.test(title)) return `in this career (${title})`;
  const singular = title.replace(/ies$/, "y").replace(/(ss|sh|ch|x)es$/, "$1").replace(/([^s])s$/, "$1");
  return `as ${/^[AEIOU]/i.test(singular) ? "an" : "a"} ${singular}`;
}
