import type { RolePage } from "@/lib/roles/role-page.types";
import { releaseNoticeSentences } from "@/lib/roles/release-notice";

/** Which O*NET release the page's parts come from, when not all from the current one; and an occupation that left it. */
export function ReleaseNotice({ page }: { page: RolePage }) {
  const sentences = releaseNoticeSentences(page);
  if (sentences.length === 0) return null;
  return (
    <div className="release-notice" data-testid="release-notice">
      {sentences.map((sentence) => (
        <p key={sentence} className="muted">
          {sentence}
        </p>
      ))}
    </div>
  );
}
