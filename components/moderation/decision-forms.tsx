import { ActionForm, type FormState } from "@/components/ui/action-form";
import { DECLINE_REASONS } from "@/lib/submissions/decline-reasons";

interface Actions {
  approve: (state: FormState | null, formData: FormData) => Promise<FormState>;
  decline: (state: FormState | null, formData: FormData) => Promise<FormState>;
  requestChanges: (state: FormState | null, formData: FormData) => Promise<FormState>;
}

/** Approve (with "apply anyway" on a conflict), decline with one-click reasons + free text, or request changes. */
export function DecisionForms({ submissionId, conflict, actions }: { submissionId: string; conflict: boolean; actions: Actions }) {
  return (
    <div className="compare">
      <section aria-labelledby="approve-heading">
        <h3 id="approve-heading">Approve</h3>
        <ActionForm action={actions.approve} label="Approve">
          <input type="hidden" name="submissionId" value={submissionId} />
          {conflict && (
            <p>
              <label>
                <input type="checkbox" name="applyAnyway" /> Apply anyway (the field changed after this was written)
              </label>
            </p>
          )}
          <button type="submit" className="primary">
            Approve
          </button>
        </ActionForm>
      </section>
      <section aria-labelledby="decline-heading">
        <h3 id="decline-heading">Decline</h3>
        <ActionForm action={actions.decline} label="Decline" className="reasons">
          <input type="hidden" name="submissionId" value={submissionId} />
          {Object.entries(DECLINE_REASONS).map(([key, label]) => (
            <label key={key}>
              <input type="radio" name="reason" value={key} required /> {label}
            </label>
          ))}
          <div className="form-row">
            <label htmlFor="decline-message">Message to the author (optional; required for “Other”)</label>
            <textarea id="decline-message" name="message" maxLength={2000} />
          </div>
          <button type="submit" className="danger">
            Decline
          </button>
        </ActionForm>
      </section>
      <section aria-labelledby="changes-heading">
        <h3 id="changes-heading">Request changes</h3>
        <ActionForm action={actions.requestChanges} label="Request changes">
          <input type="hidden" name="submissionId" value={submissionId} />
          <div className="form-row">
            <label htmlFor="changes-message">What should the author change?</label>
            <textarea id="changes-message" name="message" required minLength={10} maxLength={2000} />
          </div>
          <button type="submit">Request changes</button>
        </ActionForm>
      </section>
    </div>
  );
}
