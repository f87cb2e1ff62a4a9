import type { RolePage } from "@/lib/roles/role-page.types";
import Link from "next/link";
import { releaseNoticeSentences, successorsLead } from "@/lib/roles/release-notice";

/** Which O*NET release the page's parts come from, when not all from the current one; and an occupation that left it. */
export function ReleaseNotice({ page }: { page: RolePage }) {
  const sentences = releaseNoticeSentences(page);
  const lead = successorsLead(page);
  if (sentences.length === 0) return null;
  return (
    <div className="release-notice" data-testid="release-notice">
      {sentences.map((sentence) => (
        <p key={sentence} className="muted">
          {sentence}
        </p>
      ))}
      {lead ? (
        <p className="muted" data-testid="successors">
          {lead}{" "}
          {page.successors.map((role, index) => (
            <span key={role.code}>
              {index > 0 ? ", " : null}
              <Link href={`/roles/${role.slug}`}>{role.title}</Link> ({role.code})
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
