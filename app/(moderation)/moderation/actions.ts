"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { type ActionState, text, toActionFailure } from "@/lib/actions/action-state";
import { requireActor } from "@/lib/auth/get-actor";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { rollbackToRevision } from "@/lib/revisions/rollback-to-revision";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { claimSubmission } from "@/lib/submissions/claim-submission";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { requestChanges } from "@/lib/submissions/request-changes";
import { resolveNarrativeReports } from "@/lib/submissions/resolve-narrative-reports";

// Every action checks the session and the ability itself (requireActor), then one use case
// checks the rest. Pages are revalidated only after the use case's transaction committed;
// the decision's email (written to the outbox in that transaction) goes out after the
// response, together with any earlier one still unsent.

export async function claimSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:claim");
    const claim = await claimSubmission({ actor, submissionId: text(formData, "submissionId") ?? "" });
    revalidatePath("/moderation");
    return { ok: true, message: `Claimed until ${claim.claimExpiresAt.toLocaleTimeString("en-US")}.` };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function approveSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:decide");
    const result = await approveSubmission({ actor, submissionId: text(formData, "submissionId") ?? "", applyAnyway: formData.get("applyAnyway") === "on" });
    await revalidateRole(result.occupationCode);
    after(() => sendPendingEmails());
    revalidatePath("/moderation");
    return { ok: true, message: `Approved: revision ${result.revisionNumber} of the page is live.` };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function declineSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:decide");
    await declineSubmission({ actor, input: { submissionId: text(formData, "submissionId"), reason: text(formData, "reason"), message: text(formData, "message") } });
    after(() => sendPendingEmails());
    revalidatePath("/moderation");
    return { ok: true, message: "Declined. The author will see your reason." };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function requestChangesAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:decide");
    await requestChanges({ actor, input: { submissionId: text(formData, "submissionId"), message: text(formData, "message") ?? "" } });
    after(() => sendPendingEmails());
    revalidatePath("/moderation");
    return { ok: true, message: "Sent back to the author with your message." };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function rollbackToRevisionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("revision:rollback");
    const result = await rollbackToRevision({ actor, input: { revisionId: text(formData, "revisionId"), restore: text(formData, "restore") ?? "after" } });
    await revalidateRole(result.occupationCode);
    return { ok: true, message: `Rolled back: revision ${result.revisionNumber} of the page is live.` };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** A reported, still published narrative: keep it (the reports stop counting) or take it off the page for review. */
export async function resolveNarrativeReportsAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:decide");
    const result = await resolveNarrativeReports({ actor, input: { submissionId: text(formData, "submissionId"), decision: text(formData, "decision") } });
    if (result.decision === "hide") {
      await revalidateRole(result.occupationCode);
      after(() => sendPendingEmails());
    }
    revalidatePath("/moderation");
    return { ok: true, message: result.decision === "hide" ? "Taken off the page: it is back in the queue for review." : "Kept on the page; the reports are closed." };
  } catch (error) {
    return toActionFailure(error);
  }
}
