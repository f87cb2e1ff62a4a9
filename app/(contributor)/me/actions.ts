"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, text, toActionFailure } from "@/lib/actions/action-state";
import { requireActor } from "@/lib/auth/get-actor";
import { CORRECTION_FIELDS, type TCorrectionField } from "@/lib/community/fields";
import { markNotificationsRead } from "@/lib/notifications/find-notifications";
import { resubmitSubmission } from "@/lib/submissions/resubmit-submission";
import { proposedValueFromForm } from "@/lib/submissions/submit-correction.types";
import { withdrawSubmission } from "@/lib/submissions/withdraw-submission";

export async function withdrawSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:withdraw-own");
    await withdrawSubmission({ actor, submissionId: text(formData, "submissionId") ?? "" });
    revalidatePath("/me/contributions");
    return { ok: true, message: "Withdrawn." };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function resubmitCorrectionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:withdraw-own");
    const rawField = String(formData.get("field"));
    const field = (CORRECTION_FIELDS as readonly string[]).includes(rawField) ? (rawField as TCorrectionField) : "DESCRIPTION";
    const result = await resubmitSubmission({
      actor,
      input: {
        submissionId: text(formData, "submissionId"),
        proposedValue: formData.get("operation") === "REMOVE" ? null : proposedValueFromForm(field, String(formData.get("proposedValue") ?? "")),
        rationale: text(formData, "rationale") ?? "",
        sourceUrl: text(formData, "sourceUrl"),
        baseRevisionNumber: Number(formData.get("baseRevisionNumber") ?? 0),
        confirmRemovals: text(formData, "confirmRemovals"),
      },
    });
    revalidatePath("/me/contributions");
    return { ok: true, message: "Sent back to the moderators. Thank you!", storedNotices: result.storedNotices };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function resubmitNarrativeAction(input: unknown): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:withdraw-own");
    const result = await resubmitSubmission({ actor, input });
    revalidatePath("/me/contributions");
    return { ok: true, message: "Sent back to the moderators. Thank you!", data: { submissionId: result.submissionId }, storedNotices: result.storedNotices };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function markNotificationsReadAction(): Promise<ActionState> {
  try {
    const actor = await requireActor("submission:withdraw-own");
    const { marked } = await markNotificationsRead({ actor });
    revalidatePath("/me/notifications");
    return { ok: true, message: marked ? `Marked ${marked} as read.` : "Nothing unread." };
  } catch (error) {
    return toActionFailure(error);
  }
}
