import Link from "next/link";
import type { CommunityOverlay } from "@/lib/community/get-community-overlay";
import { NARRATIVE_PROMPTS, type TNarrativePromptKey } from "@/lib/community/narrative-document";
import { formatDate } from "@/lib/dates";
import "../../app/community.css";

/**
 * The community layer of a role page (a server component, no client JavaScript): the
 * published narratives and plain links into contributing. Corrected values show in the
 * sections they belong to (components/role/community-correction.tsx).
 */
export function RoleCommunitySection({ slug, community }: { slug: string; community: CommunityOverlay }) {
  return (
    <section aria-labelledby="community">
      <h2 id="community">From practitioners</h2>
      {community.narratives.length > 0 && (
        <>
          <h3>In their own words</h3>
          {community.narratives.map((n) => (
            <article key={n.id} id={`narrative-${n.id}`} className="narrative" data-testid="narrative">
              <p className="muted">
                <strong>{n.displayName}</strong>
                {n.jobTitle && `, ${n.jobTitle}`}
                {n.yearsInRole !== null && ` · ${n.yearsInRole} ${n.yearsInRole === 1 ? "year" : "years"} in the role`} · {formatDate(n.publishedAt)}
              </p>
              {/* Stored as sanitised HTML: rendered from the editor's JSON and cleaned with an allowlist on the server. */}
              <div dangerouslySetInnerHTML={{ __html: n.html }} />
              {n.answers.map((a) => (
                <div key={a.key}>
                  <h4>{NARRATIVE_PROMPTS[a.key as TNarrativePromptKey] ?? a.key}</h4>
                  <p>{a.text}</p>
                </div>
              ))}
              <Link href={`/contribute/report/${n.id}`} rel="nofollow" className="hint">
                Report this narrative
              </Link>
            </article>
          ))}
        </>
      )}
      {community.narratives.length === 0 && <p>No practitioner has written about this work here yet.</p>}
      <p className="subnav">
        <Link href={`/contribute/${slug}/correct`} rel="nofollow">
          Suggest a correction
        </Link>
        <Link href={`/contribute/${slug}/narrative`} rel="nofollow">
          Share your experience
        </Link>
        <Link href={`/roles/${slug}/history`}>Page history</Link>
      </p>
    </section>
  );
}
