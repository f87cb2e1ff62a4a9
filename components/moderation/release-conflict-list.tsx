import Link from "next/link";
import { ActionForm, type FormState } from "@/components/ui/action-form";
import type { ReleaseConflictItem } from "@/lib/submissions/find-release-conflicts";
import { DateTime } from "@/components/ui/date-time";

/**
 * Corrections whose official base a new O*NET release changed: the old official value, the new
 * one and the community's, side by side, with keep / update / retire.
 */
export function ReleaseConflictList({ items, open, action }: { items: ReleaseConflictItem[]; open: number; action: (state: FormState | null, data: FormData) => Promise<FormState> }) {
  return (
    <section aria-labelledby="release-conflicts" data-testid="release-conflicts">
      <h2 id="release-conflicts">Release conflicts ({open} open)</h2>
      {items.length === 0 ? (
        <p className="muted">No correction is waiting: every official release change under a correction has been reviewed.</p>
      ) : (
        <p className="muted">A new official release changed the value these corrections were based on. Readers see the correction with a note until you keep, update or retire it.</p>
      )}
      {items.map((item) => (
        <article key={item.id} className="release-conflict" data-testid="release-conflict-item">
          <h3>
            <Link href={`/roles/${item.slug}`}>{item.occupationTitle}</Link>: {item.fieldLabel}
            {item.itemKey ? ` (${item.itemKey})` : ""}, O*NET {item.fromVersion} → {item.toVersion}
          </h3>
          <dl>
            <dt>Old official (O*NET {item.fromVersion})</dt>
            <dd>{item.officialBefore ?? <em>none</em>}</dd>
            <dt>New official (O*NET {item.toVersion})</dt>
            <dd>{item.officialAfter ?? <em>gone from this release</em>}</dd>
            <dt>Community value</dt>
            <dd>{item.communityValue ?? <em>removed by practitioners</em>}</dd>
          </dl>
          <p className="muted">Found <DateTime value={item.detectedAt} /></p>
          <ActionForm action={action} label={`Resolve the conflict on ${item.occupationTitle}`}>
            <input type="hidden" name="conflictId" value={item.id} />
            <label>
              Updated value{item.shape === "list" ? " (one item per line)" : ""}
              <textarea name="value" rows={item.shape === "list" ? 6 : 3} defaultValue={item.communityValue ?? ""} />
            </label>
            <button type="submit" name="decision" value="keep">
              Keep the correction
            </button>{" "}
            <button type="submit" name="decision" value="update">
              Update it
            </button>{" "}
            <button type="submit" name="decision" value="retire">
              Retire it (show the official value)
            </button>
          </ActionForm>
        </article>
      ))}
    </section>
  );
}
