"use server";
import { after } from "next/server";
import { type ActionState, text, toActionFailure } from "@/lib/actions/action-state";
import { requireActor } from "@/lib/auth/get-actor";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { afterCommit } from "@/lib/actions/after-commit";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { reportNarrative } from "@/lib/submissions/report-narrative";
import { saveNarrativeDraft } from "@/lib/submissions/save-narrative-draft";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { proposedValueFromForm } from "@/lib/submissions/submit-correction.types";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { CORRECTION_FIELDS, type TCorrectionField } from "@/lib/community/fields";

// Thin entry points: find the actor (session checked here, never by a layout), parse the
// form, call one use case, shape the reply.

export async function submitCorrectionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:create");
    const field = (CORRECTION_FIELDS as readonly string[]).includes(String(formData.get("field"))) ? (String(formData.get("field")) as TCorrectionField) : "DESCRIPTION";
    const operation = text(formData, "operation") ?? "CHANGE";
    const submission = await submitCorrection({
      actor,
      input: {
        occupationCode: text(formData, "occupationCode"),
        field,
        operation,
        itemKey: text(formData, "itemKey"),
        proposedValue: operation === "REMOVE" ? null : proposedValueFromForm(field, String(formData.get("proposedValue") ?? "")),
        rationale: text(formData, "rationale") ?? "",
        sourceUrl: text(formData, "sourceUrl"),
        baseRevisionNumber: Number(formData.get("baseRevisionNumber") ?? 0),
        idempotencyKey: text(formData, "idempotencyKey"),
        confirmRemovals: text(formData, "confirmRemovals"),
      },
    });
    return { ok: true, message: "Thank you! Your correction is waiting for a moderator. You can follow it under “My contributions”.", storedNotices: submission.storedNotices };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Autosave: returns the draft id to keep saving over. */
export async function saveNarrativeDraftAction(input: unknown): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:create");
    const draft = await saveNarrativeDraft({ actor, input });
    return { ok: true, message: `Draft saved at ${draft.savedAt.toLocaleTimeString("en-US")}.`, data: { draftId: draft.id } };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function submitNarrativeAction(input: unknown): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:create");
    const submission = await submitNarrative({ actor, input });
    return { ok: true, message: "Thank you! Your narrative is waiting for a moderator.", data: { submissionId: submission.id }, storedNotices: submission.storedNotices };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function reportNarrativeAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  let result: Awaited<ReturnType<typeof reportNarrative>>;
  try {
    const actor = await requireActor("narrative:report");
    result = await reportNarrative({ actor, input: { submissionId: text(formData, "submissionId"), reason: text(formData, "reason") ?? "" } });
  } catch (error) {
    return toActionFailure(error);
  }
  if (result.outcome === "hidden") {
    await afterCommit("report", () => revalidateRole(result.occupationCode), () => after(() => sendPendingEmails()));
    return { ok: true, message: "Thank you. Several readers reported this narrative, so it is off the page until a moderator has looked at it again." };
  }
  if (result.outcome === "already-reported") return { ok: true, message: "You have reported this narrative already; the moderators have your report." };
  return { ok: true, message: "Thank you. Your report is in the moderators' queue; they will look at the narrative." };
}
