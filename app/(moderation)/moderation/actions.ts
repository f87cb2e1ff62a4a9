"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { type ActionState, text, toActionFailure } from "@/lib/actions/action-state";
import { afterCommit } from "@/lib/actions/after-commit";
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
// checks the rest; its answer is decided when its transaction commits (a failed decision
// releases the moderator's claim). What follows the commit (revalidating pages with the
// slug the transaction read, the decision's email going out after the response) runs in
// afterCommit: it is attempted, and can never turn a committed decision into an error.

const sendEmailsAfterResponse = () => after(() => sendPendingEmails());
const revalidateQueue = () => revalidatePath("/moderation");

export async function claimSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  let claimExpiresAt: Date;
  try {
    const actor = await requireActor("moderation:claim");
    ({ claimExpiresAt } = await claimSubmission({ actor, submissionId: text(formData, "submissionId") ?? "" }));
  } catch (error) {
    return toActionFailure(error);
  }
  await afterCommit("claim", revalidateQueue);
  return { ok: true, message: `Claimed until ${claimExpiresAt.toLocaleTimeString("en-US")}.` };
}

export async function approveSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  let result: Awaited<ReturnType<typeof approveSubmission>>;
  try {
    const actor = await requireActor("moderation:decide");
    result = await approveSubmission({ actor, submissionId: text(formData, "submissionId") ?? "", applyAnyway: formData.get("applyAnyway") === "on" });
  } catch (error) {
    return toActionFailure(error);
  }
  await afterCommit("approval", () => revalidateRole(result.occupationCode), sendEmailsAfterResponse, revalidateQueue);
  return { ok: true, message: `Approved: revision ${result.revisionNumber} of the page is live.` };
}

export async function declineSubmissionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:decide");
    await declineSubmission({ actor, input: { submissionId: text(formData, "submissionId"), reason: text(formData, "reason"), message: text(formData, "message") } });
  } catch (error) {
    return toActionFailure(error);
  }
  await afterCommit("decline", sendEmailsAfterResponse, revalidateQueue);
  return { ok: true, message: "Declined. The author will see your reason." };
}

export async function requestChangesAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor("moderation:decide");
    await requestChanges({ actor, input: { submissionId: text(formData, "submissionId"), message: text(formData, "message") ?? "" } });
  } catch (error) {
    return toActionFailure(error);
  }
  await afterCommit("request for changes", sendEmailsAfterResponse, revalidateQueue);
  return { ok: true, message: "Sent back to the author with your message." };
}

export async function rollbackToRevisionAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  let result: Awaited<ReturnType<typeof rollbackToRevision>>;
  try {
    const actor = await requireActor("revision:rollback");
    result = await rollbackToRevision({ actor, input: { revisionId: text(formData, "revisionId"), restore: text(formData, "restore") ?? "after" } });
  } catch (error) {
    return toActionFailure(error);
  }
  await afterCommit("rollback", () => revalidateRole(result.occupationCode));
  return { ok: true, message: `Rolled back: revision ${result.revisionNumber} of the page is live.` };
}

/** A reported, still published narrative: keep it (the reports stop counting) or take it off the page for review. */
export async function resolveNarrativeReportsAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  let result: Awaited<ReturnType<typeof resolveNarrativeReports>>;
  try {
    const actor = await requireActor("moderation:decide");
    result = await resolveNarrativeReports({ actor, input: { submissionId: text(formData, "submissionId"), decision: text(formData, "decision") } });
  } catch (error) {
    return toActionFailure(error);
  }
  if (result.decision === "hide") await afterCommit("taking down a reported narrative", () => revalidateRole(result.occupationCode), sendEmailsAfterResponse, revalidateQueue);
  else await afterCommit("keeping a reported narrative", revalidateQueue);
  return { ok: true, message: result.decision === "hide" ? "Taken off the page: it is back in the queue for review." : "Kept on the page; the reports are closed." };
}
