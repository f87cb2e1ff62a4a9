"use client";

import { useActionState, useEffect, useRef } from "react";
import { StoredFormNotices } from "@/components/ui/stored-form-notices";
import { SESSION_CHANGED_EVENT } from "@/components/auth/session-events";
import { PROFILE_LIMITS } from "@/lib/profiles/profile-fields";
import { updateProfileAction } from "./actions";
import type { TProfileFormField, TProfileFormState } from "./schema";

interface ProfileFormProps {
  initialState: TProfileFormState;
  sectors: Record<string, string>;
}

export function ProfileForm({ initialState, sectors }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState(updateProfileAction, initialState);
  const values = state.values;

  const answer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The header shows the display name: let it fetch the session again.
    if (state.status === "saved") window.dispatchEvent(new Event(SESSION_CHANGED_EVENT));
    // Focus follows the answer (as in ActionForm), so a keyboard or screen-reader user lands on what happened.
    if (state.status !== "idle") answer.current?.focus();
  }, [state]);

  const describedBy = (field: TProfileFormField, hint?: boolean) => [hint ? `${field}-hint` : "", `${field}-error`].filter(Boolean).join(" ");
  const invalid = (field: TProfileFormField) => (state.fieldErrors?.[field]?.length ? true : undefined);

  return (
    <form action={formAction} className="form" noValidate>
      {/* Above the fields, so "see the messages below" reads true and is met first. */}
      <div ref={answer} tabIndex={-1} role="status" aria-live="polite" className={state.status === "error" ? "form__message form__message--error" : "form__message"}>
        {state.message}
        {state.status === "saved" && <StoredFormNotices notices={state.storedNotices} />}
      </div>
      <div className="field">
        <label htmlFor="displayName">Display name</label>
        <input id="displayName" name="displayName" defaultValue={values.displayName} maxLength={PROFILE_LIMITS.displayName} autoComplete="name" aria-invalid={invalid("displayName")} aria-describedby={describedBy("displayName")} />
        <FieldError state={state} field="displayName" />
      </div>

      <div className="field">
        <label htmlFor="jobTitle">Current job title</label>
        <input id="jobTitle" name="jobTitle" defaultValue={values.jobTitle} maxLength={PROFILE_LIMITS.jobTitle} autoComplete="organization-title" aria-invalid={invalid("jobTitle")} aria-describedby={describedBy("jobTitle")} />
        <FieldError state={state} field="jobTitle" />
      </div>

      <div className="field">
        <label htmlFor="occupations">Occupations you have worked in</label>
        <p id="occupations-hint" className="hint">
          One per line: the O*NET-SOC code (for example <span className="code">15-1252.00</span>) or the exact title as it appears on
          Careerwiki. Up to {PROFILE_LIMITS.occupations}.
        </p>
        <textarea id="occupations" name="occupations" rows={4} defaultValue={values.occupations} aria-invalid={invalid("occupations")} aria-describedby={describedBy("occupations", true)} />
        <FieldError state={state} field="occupations" />
      </div>

      <div className="field">
        <label htmlFor="yearsExperience">Years of experience</label>
        <input id="yearsExperience" name="yearsExperience" inputMode="numeric" defaultValue={values.yearsExperience} size={4} aria-invalid={invalid("yearsExperience")} aria-describedby={describedBy("yearsExperience")} />
        <FieldError state={state} field="yearsExperience" />
      </div>

      <div className="field">
        <label htmlFor="sector">Sector</label>
        {/* Keyed by submission: React resets the form after its action, and a <select> would fall back
            to its first-rendered choice; remounting it shows what was sent. (Inputs and textareas
            follow their updated defaultValue; the live regions stay mounted so answers are announced.) */}
        <select key={state.version} id="sector" name="sector" defaultValue={values.sector} aria-invalid={invalid("sector")} aria-describedby={describedBy("sector")}>
          <option value="">Choose…</option>
          {Object.entries(sectors).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError state={state} field="sector" />
      </div>

      <div className="field">
        <label htmlFor="region">
          Region <span className="muted">(optional)</span>
        </label>
        <input id="region" name="region" defaultValue={values.region} maxLength={PROFILE_LIMITS.region} aria-invalid={invalid("region")} aria-describedby={describedBy("region", true)} />
        <p id="region-hint" className="hint">
          A country, state or city, as precise as you like.
        </p>
        <FieldError state={state} field="region" />
      </div>

      <div className="field">
        <label htmlFor="bio">
          Short bio <span className="muted">(optional)</span>
        </label>
        <textarea id="bio" name="bio" rows={5} defaultValue={values.bio} maxLength={PROFILE_LIMITS.bio} aria-invalid={invalid("bio")} aria-describedby={describedBy("bio")} />
        <FieldError state={state} field="bio" />
      </div>

      <div className="form__actions">
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}

function FieldError({ state, field }: { state: TProfileFormState; field: TProfileFormField }) {
  const messages = state.fieldErrors?.[field] ?? [];
  return (
    <div id={`${field}-error`} className="field__error" aria-live="polite">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
