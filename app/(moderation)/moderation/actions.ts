"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { formatTime } from "@/lib/dates";
import { afterCommit } from "@/lib/actions/after-commit";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { rollbackToRevision } from "@/lib/revisions/rollback-to-revision";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { claimSubmission } from "@/lib/submissions/claim-submission";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { requestChanges } from "@/lib/submissions/request-changes";
import { resolveNarrativeReports } from "@/lib/submissions/resolve-narrative-reports";
import { resolveReleaseConflict } from "@/lib/submissions/resolve-release-conflict";
import { recordSecondLookFinding } from "@/lib/second-looks/record-second-look-finding";
import { ZFormIdSchema, ZFormTextSchema } from "@/lib/validation/form-field";

// defineAction checks the session and the ability, then one use case checks the rest; its
// answer is decided when its transaction commits (a failed decision releases the moderator's
// claim). What follows the commit (revalidating the role's cache tag, the decision's email
// going out after the response) runs in afterCommit: it is attempted, and
// can never turn a committed decision into an error.

const sendEmailsAfterResponse = () => after(() => sendPendingEmails());
const revalidateQueue = () => revalidatePath("/moderation");

export const claimSubmissionAction = defineAction({
  ability: "moderation:claim",
  schema: z.object({ submissionId: ZFormIdSchema }),
  run: async ({ actor, input }) => {
    const { claimExpiresAt } = await claimSubmission({ actor, submissionId: input.submissionId });
    await afterCommit("claim", revalidateQueue);
    return { ok: true, message: `Claimed until ${formatTime(claimExpiresAt)}.` };
  },
});

export const approveSubmissionAction = defineAction({
  ability: "moderation:decide",
  schema: z.object({ submissionId: ZFormIdSchema, applyAnyway: z.string().optional().transform((box) => box === "on") }),
  run: async ({ actor, input }) => {
    const result = await approveSubmission({ actor, submissionId: input.submissionId, applyAnyway: input.applyAnyway });
    if (!result.published) {
      await afterCommit("first of two approvals", revalidateQueue);
      return { ok: true, message: `Approved: ${result.approvals} of ${result.requiredApprovals}. A second moderator must approve before it publishes; the page is unchanged.` };
    }
    await afterCommit("approval", () => revalidateRole(result.occupationCode), sendEmailsAfterResponse, revalidateQueue);
    return { ok: true, message: `Approved: revision ${result.revisionNumber} of the page is live.` };
  },
});

export const declineSubmissionAction = defineAction({
  ability: "moderation:decide",
  schema: z.object({ submissionId: ZFormTextSchema, reason: ZFormTextSchema, message: ZFormTextSchema }),
  run: async ({ actor, input }) => {
    await declineSubmission({ actor, input });
    await afterCommit("decline", sendEmailsAfterResponse, revalidateQueue);
    return { ok: true, message: "Declined. The author will see your reason." };
  },
});

export const requestChangesAction = defineAction({
  ability: "moderation:decide",
  schema: z.object({ submissionId: ZFormTextSchema, message: ZFormTextSchema.transform((message) => message ?? "") }),
  run: async ({ actor, input }) => {
    await requestChanges({ actor, input });
    await afterCommit("request for changes", sendEmailsAfterResponse, revalidateQueue);
    return { ok: true, message: "Sent back to the author with your message." };
  },
});

export const rollbackToRevisionAction = defineAction({
  ability: "revision:rollback",
  schema: z.object({ revisionId: ZFormTextSchema, restore: ZFormTextSchema.transform((restore) => restore ?? "after") }),
  run: async ({ actor, input }) => {
    const result = await rollbackToRevision({ actor, input });
    await afterCommit("rollback", () => revalidateRole(result.occupationCode));
    return { ok: true, message: `Rolled back: revision ${result.revisionNumber} of the page is live.` };
  },
});

/** A reported, still published narrative: keep it (the reports stop counting) or take it off the page for review. */
export const resolveNarrativeReportsAction = defineAction({
  ability: "moderation:decide",
  schema: z.object({ submissionId: ZFormTextSchema, decision: ZFormTextSchema }),
  run: async ({ actor, input }) => {
    const result = await resolveNarrativeReports({ actor, input });
    if (result.decision === "hide") await afterCommit("taking down a reported narrative", () => revalidateRole(result.occupationCode), sendEmailsAfterResponse, revalidateQueue);
    else await afterCommit("keeping a reported narrative", revalidateQueue);
    return { ok: true, message: result.decision === "hide" ? "Taken off the page: it is back in the queue for review." : "Kept on the page; the reports are closed." };
  },
});

/** A correction whose official base a new release changed: keep it, update it or retire it. */
export const resolveReleaseConflictAction = defineAction({
  ability: "moderation:decide",
  schema: z.object({ conflictId: ZFormIdSchema, decision: ZFormTextSchema, value: ZFormTextSchema }),
  run: async ({ actor, input }) => {
    const result = await resolveReleaseConflict({ actor, input });
    await afterCommit("resolving a release conflict", () => revalidateRole(result.occupationCode), revalidateQueue);
    const done = { keep: "Kept: the correction stays as it is.", update: "Updated", retire: "Retired: the official value shows again" }[result.decision];
    return { ok: true, message: result.revisionNumber === null ? done : `${done} (revision ${result.revisionNumber} of the page).` };
  },
});

/** A second look at another moderator's sampled approval: fine, or a problem with a note (undone, if need be, by the page's rollback). */
export const recordSecondLookFindingAction = defineAction({
  ability: "moderation:second-look",
  schema: z.object({ secondLookId: ZFormIdSchema, finding: ZFormTextSchema, note: ZFormTextSchema }),
  run: async ({ actor, input }) => {
    const result = await recordSecondLookFinding({ actor, input });
    await afterCommit("second look", () => revalidatePath("/moderation/second-looks"));
    return { ok: true, message: result.finding === "fine" ? "Recorded: the approval was fine." : "Recorded as a problem. Roll the change back from the page's history if it should not stay." };
  },
});
