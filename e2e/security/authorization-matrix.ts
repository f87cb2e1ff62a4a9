import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { callServerAction, findServerAction, listServerActions } from "../../tests/support/e2e/server-actions";
import { seedUser, setUserBanned, type SeededUser } from "../../tests/support/seed-users";
import { e2eMailboxDir, readMessages, waitForMessage } from "../../tests/support/smtp-capture";
import {
  SECURITY_OCCUPATION,
  insertApprovalRevision,
  insertApprovedListItemCorrection,
  insertCorrection,
  insertNarrative,
  insertNarrativeReport,
  insertEmailChange,
  insertNotification,
  insertReleaseConflict,
  insertWatch,
  insertProfile,
  insertVerification,
  readPractitionerReviews,
  readProfileVisibility,
  readVerification,
  verificationsOf,
  insertSecondLook,
  narrativeDocument,
  readAccount,
  readProfile,
  readReleaseConflict,
  readReviewerFamilies,
  readRevisionState,
  readSecondLook,
  readSubmission,
  readWatches,
  sessionExists,
  submissionsBy,
  uniqueText,
  unreadNotifications,
  verificationTokens,
} from "./security-data";

/**
 * The authorization matrix: every server action (each export of each app/**\/actions.ts)
 * and every route handler method (app/**\/route.ts), who may call it, how to build a valid
 * call and how to see its effect. authorization-matrix.spec.ts calls each one over HTTP as
 * each actor and checks allow (the intended effect) or deny (the refusal message and nothing
 * changed); a new action or handler without a row here fails that spec.
 *
 * Every call is about the data of one contributor, the owner (their submission, draft,
 * notifications, session). The actors:
 *   anonymous         no session
 *   contributor       the owner themselves
 *   otherContributor  another contributor, calling with the owner's ids
 *   moderator, admin  calling with the owner's ids too (a moderator is not the author)
 *   banned            the role that would be allowed (the owner, or a moderator), banned
 *   ownModerator      a moderator who wrote the submission (only where deciding on it applies)
 */
export const ACTORS = ["anonymous", "contributor", "otherContributor", "moderator", "admin", "banned", "ownModerator"] as const;
export type ActorKind = (typeof ACTORS)[number];
/** Every row answers for these; `ownModerator` only where it means something. */
export const REQUIRED_ACTORS: readonly ActorKind[] = ACTORS.filter((actor) => actor !== "ownModerator");

export type Outcome = "allow" | "deny";

export interface CheckContext {
  baseUrl: string;
  actor: ActorKind;
  /** The contributor (a moderator for `ownModerator`) whose data the call is about. */
  owner: SeededUser;
  /** Who calls: null when anonymous; the owner for `contributor`, `ownModerator` and a banned owner. */
  caller: SeededUser | null;
}

/** What a call answered: an action's return value (`value`) or a handler's response. */
export interface CallResult {
  status: number;
  value: unknown;
  body: string;
  headers: Headers;
}

export interface Prepared {
  /** An action's arguments (FormData or an input object, as its form sends them). */
  args?: unknown[];
  /** A handler's request: path and init (the spec adds the caller's cookie). */
  request?: { path: string; init?: RequestInit };
  /** What the call may change; read before and after a denied call, which must leave it equal. */
  state(): Promise<unknown>;
  /** After an allowed call: the intended effect, on the caller's data and no one else's. */
  expectEffect(result: CallResult): Promise<void>;
}

interface RowBase {
  file: string;
  /** The action's export name or the handler's HTTP method. */
  name: string;
  /** Who may call it, in words. */
  who: string;
  outcomes: Partial<Record<ActorKind, Outcome>>;
  /** The message a denied actor gets. */
  refusal?: Partial<Record<ActorKind, string>>;
  prepare(context: CheckContext): Promise<Prepared>;
}

export interface ActionRow extends RowBase {
  kind: "action";
}

export interface HandlerRow extends RowBase {
  kind: "handler";
  /** The status an allowed call answers, when it is a refusal by design (the API's catch-all 404); otherwise any below 400. */
  allowedStatus?: number;
}

export type MatrixRow = ActionRow | HandlerRow;

const SIGN_IN_FIRST = "Please sign in first.";

/** Signed-in roles may; anonymous and banned may not. */
const SIGNED_IN: Partial<Record<ActorKind, Outcome>> = { anonymous: "deny", contributor: "allow", otherContributor: "allow", moderator: "allow", admin: "allow", banned: "deny" };
/** Only the owner of the data may. */
const OWNER_ONLY: Partial<Record<ActorKind, Outcome>> = { anonymous: "deny", contributor: "allow", otherContributor: "deny", moderator: "deny", admin: "deny", banned: "deny" };
/** Moderators and admins may, never on their own submission. */
const MODERATORS: Partial<Record<ActorKind, Outcome>> = { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny", ownModerator: "deny" };
/** Anyone, signed in or not. */
const EVERYONE: Partial<Record<ActorKind, Outcome>> = { anonymous: "allow", contributor: "allow", otherContributor: "allow", moderator: "allow", admin: "allow", banned: "allow" };

const unauthenticated = { anonymous: SIGN_IN_FIRST, banned: SIGN_IN_FIRST };
const notTheirs = (message: string) => ({ ...unauthenticated, otherContributor: message, moderator: message, admin: message });
const roleMayNot = (what: string, own?: string) => ({
  ...unauthenticated,
  contributor: `Your role (contributor) may not ${what}.`,
  otherContributor: `Your role (contributor) may not ${what}.`,
  ...(own ? { ownModerator: own } : {}),
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const callerOf = (context: CheckContext) => {
  if (!context.caller) throw new Error(`${context.actor} has no caller`);
  return context.caller;
};

const okMessage = (result: CallResult, message: string | RegExp) => expect((result.value as { message?: string } | null)?.message).toMatch(message);

const ACTIONS = {
  contribute: "app/(contributor)/contribute/actions.ts",
  me: "app/(contributor)/me/actions.ts",
  profile: "app/(contributor)/profile/actions.ts",
  signIn: "app/(contributor)/sign-in/actions.ts",
  signOut: "app/(contributor)/sign-out/actions.ts",
  moderation: "app/(moderation)/moderation/actions.ts",
  people: "app/(moderation)/moderation/people/actions.ts",
  account: "app/(contributor)/me/account/actions.ts",
  watching: "app/(contributor)/me/watching/actions.ts",
  families: "app/(moderation)/moderation/families/actions.ts",
  verifications: "app/(contributor)/me/verifications/actions.ts",
  review: "app/(contributor)/me/review/actions.ts",
  moderateVerifications: "app/(moderation)/moderation/verifications/actions.ts",
} as const;

/** Moderators and admins decide on someone else's verification; a moderator never on their own. */
const VERIFICATION_DECIDERS: Partial<Record<ActorKind, Outcome>> = MODERATORS;
const verificationRefusal = roleMayNot("grant, refuse or revoke practitioner verifications", "Nobody decides on their own verification: another moderator will.");

/** A verification of the owner's (a moderator's for ownModerator) that a moderation row decides on. */
async function prepareVerificationDecision(
  context: CheckContext,
  from: "PENDING" | "GRANTED",
  expected: { status: string; message: RegExp; by: "decidedById" | "revokedById" },
): Promise<Prepared> {
  const { id } = await insertVerification(context.owner.id, from);
  return {
    args: [null, form({ verificationId: id, reason: uniqueText("Checked against the register") })],
    state: () => readVerification(id),
    async expectEffect(result) {
      okMessage(result, expected.message);
      const after = await readVerification(id);
      expect([after.status, after[expected.by], after.auditEntries, after.notifications]).toEqual([expected.status, callerOf(context).id, 1, 1]);
    },
  };
}

/** Auth.js' CSRF token and the cookie it must come with (GET /api/auth/csrf), as its forms post them. */
export async function authCsrfToken(baseUrl: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(new URL("/api/auth/csrf", baseUrl));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]!).join("; ");
  return { token: csrfToken, cookie };
}

/** A pending correction of the owner's, for the moderation rows. */
async function prepareDecision(context: CheckContext, fields: Record<string, string>, expected: { status: string; message: RegExp }): Promise<Prepared> {
  const submissionId = await insertCorrection(context.owner.id, "PENDING");
  return {
    args: [null, form({ submissionId, ...fields })],
    state: () => readSubmission(submissionId),
    async expectEffect(result) {
      okMessage(result, expected.message);
      const after = await readSubmission(submissionId);
      expect(after.submission?.status).toBe(expected.status);
      expect(after.submission?.decidedById).toBe(callerOf(context).id);
      expect(after.auditEntries).toBe(1);
    },
  };
}

/** A public, read-only GET handler: the same answer for every caller. */
function publicGet(file: string, path: string, who: string, expectBody: (body: string) => void): HandlerRow {
  return {
    kind: "handler",
    file,
    name: "GET",
    who,
    outcomes: EVERYONE,
    async prepare() {
      return {
        request: { path },
        state: async () => null,
        async expectEffect(result) {
          expect(result.status).toBe(200);
          expectBody(result.body);
        },
      };
    },
  };
}
export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  // ── contributing ──
  {
    kind: "action",
    file: ACTIONS.contribute,
    name: "submitCorrectionAction",
    who: "any signed-in user, as the author of a new correction",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      const rationale = uniqueText("A security check correction");
      const fields = { occupationCode: SECURITY_OCCUPATION.code, field: "DESCRIPTION", operation: "CHANGE", proposedValue: uniqueText("All other test workers check things"), rationale, baseRevisionNumber: "0" };
      return {
        args: [null, form(fields)],
        state: async () => (context.caller ? submissionsBy(context.caller.id) : []),
        async expectEffect(result) {
          okMessage(result, /waiting for a moderator/);
          const mine = await submissionsBy(callerOf(context).id);
          expect(mine.map((s) => [s.kind, s.status, s.rationale])).toEqual([["CORRECTION", "PENDING", rationale]]);
          expect(await submissionsBy(context.owner.id)).toEqual(context.caller === context.owner ? mine : []);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.contribute,
    name: "saveNarrativeDraftAction",
    who: "the draft's author (any signed-in user starts a new draft)",
    outcomes: OWNER_ONLY,
    refusal: notTheirs("This draft can no longer be edited (it was sent or withdrawn)."),
    async prepare(context) {
      const draftId = await insertNarrative(context.owner.id, "DRAFT");
      const text = uniqueText("Saved over the draft");
      return {
        args: [{ draftId, occupationCode: SECURITY_OCCUPATION.code, doc: narrativeDocument(text), yearsInRole: 4 }],
        state: () => readSubmission(draftId),
        async expectEffect(result) {
          okMessage(result, /^Draft saved at/);
          expect((result.value as { data?: { draftId?: string } }).data?.draftId).toBe(draftId);
          const after = await readSubmission(draftId);
          expect(after.submission?.status).toBe("DRAFT");
          expect(JSON.stringify(after.submission?.narrativeDoc)).toContain(text);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.contribute,
    name: "submitNarrativeAction",
    who: "the draft's author (any signed-in user sends a new narrative)",
    outcomes: OWNER_ONLY,
    refusal: notTheirs("This draft was already sent (or withdrawn), so this was not stored. Your text is kept in this browser: reload the page to send it as a new narrative."),
    async prepare(context) {
      const draftId = await insertNarrative(context.owner.id, "DRAFT");
      return {
        args: [{ draftId, occupationCode: SECURITY_OCCUPATION.code, doc: narrativeDocument(uniqueText("Sent for review")), yearsInRole: 4 }],
        state: () => readSubmission(draftId),
        async expectEffect(result) {
          okMessage(result, /waiting for a moderator/);
          const after = await readSubmission(draftId);
          expect(after.submission?.status).toBe("PENDING");
          expect(after.auditEntries).toBe(1);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.contribute,
    name: "reportNarrativeAction",
    who: "any signed-in user, on any published narrative",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      const submissionId = await insertNarrative(context.owner.id, "APPROVED");
      const reason = uniqueText("This narrative advertises a product instead");
      return {
        args: [null, form({ submissionId, reason })],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          // One report (from an account made for the test) queues the narrative; it stays published.
          okMessage(result, /in the moderators' queue/);
          const after = await readSubmission(submissionId);
          expect([after.submission?.status, after.openReports, after.auditEntries]).toEqual(["APPROVED", 1, 1]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.contribute,
    name: "reportCorrectionAction",
    who: "any signed-in user, on any approved correction the page shows",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      const submissionId = await insertApprovedListItemCorrection(context.owner.id);
      const reason = uniqueText("This title is made up and used nowhere");
      return {
        args: [null, form({ submissionId, reason })],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          // One report queues the correction; it stays on the page.
          okMessage(result, /in the moderators' queue/);
          const after = await readSubmission(submissionId);
          expect([after.submission?.status, after.openReports, after.auditEntries]).toEqual(["APPROVED", 1, 1]);
        },
      };
    },
  },
  // ── the author's own submissions and notifications ──
  {
    kind: "action",
    file: ACTIONS.me,
    name: "withdrawSubmissionAction",
    who: "the submission's author",
    outcomes: OWNER_ONLY,
    refusal: notTheirs("That submission does not exist."),
    async prepare(context) {
      const submissionId = await insertCorrection(context.owner.id, "PENDING");
      return {
        args: [null, form({ submissionId })],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          okMessage(result, "Withdrawn.");
          expect((await readSubmission(submissionId)).submission?.status).toBe("WITHDRAWN");
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.me,
    name: "resubmitCorrectionAction",
    who: "the submission's author",
    outcomes: OWNER_ONLY,
    refusal: notTheirs("That submission does not exist."),
    async prepare(context) {
      const submissionId = await insertCorrection(context.owner.id, "CHANGES_REQUESTED");
      const rationale = uniqueText("Resubmitted with the requested changes");
      return {
        args: [null, form({ submissionId, field: "DESCRIPTION", operation: "CHANGE", proposedValue: uniqueText("A revised description"), rationale, baseRevisionNumber: "0" })],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          okMessage(result, /Sent back to the moderators/);
          const after = await readSubmission(submissionId);
          expect([after.submission?.status, after.submission?.rationale]).toEqual(["PENDING", rationale]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.me,
    name: "resubmitNarrativeAction",
    who: "the submission's author",
    outcomes: OWNER_ONLY,
    refusal: notTheirs("That submission does not exist."),
    async prepare(context) {
      const submissionId = await insertNarrative(context.owner.id, "CHANGES_REQUESTED");
      const text = uniqueText("Rewritten as asked");
      return {
        args: [{ submissionId, doc: narrativeDocument(text), yearsInRole: 5 }],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          okMessage(result, /Sent back to the moderators/);
          const after = await readSubmission(submissionId);
          expect(after.submission?.status).toBe("PENDING");
          expect(JSON.stringify(after.submission?.narrativeDoc)).toContain(text);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.me,
    name: "markNotificationsReadAction",
    who: "any signed-in user, on their own notifications only",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      const ownerSubmission = await insertCorrection(context.owner.id, "PENDING");
      await insertNotification(context.owner.id, ownerSubmission);
      if (context.caller && context.caller.id !== context.owner.id) await insertNotification(context.caller.id, await insertCorrection(context.caller.id, "PENDING"));
      return {
        args: [],
        state: async () => ({ owner: await unreadNotifications(context.owner.id), caller: context.caller ? await unreadNotifications(context.caller.id) : null }),
        async expectEffect(result) {
          okMessage(result, "Marked 1 as read.");
          expect(await unreadNotifications(callerOf(context).id)).toBe(0);
          // Someone else's notifications stay unread.
          if (context.caller !== context.owner) expect(await unreadNotifications(context.owner.id)).toBe(1);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.profile,
    name: "updateProfileAction",
    who: "any signed-in user, on their own profile only",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      const displayName = uniqueText("Profile");
      return {
        args: [null, form({ displayName, jobTitle: "Test worker", occupations: SECURITY_OCCUPATION.code, yearsExperience: "3", sector: "private", region: "", bio: "" })],
        state: async () => ({ owner: await readProfile(context.owner.id), caller: context.caller ? await readProfile(context.caller.id) : null }),
        async expectEffect(result) {
          expect(result.value).toMatchObject({ status: "saved", message: "Your profile is saved." });
          expect((await readProfile(callerOf(context).id))?.displayName).toBe(displayName);
          if (context.caller !== context.owner) expect(await readProfile(context.owner.id)).toBeNull();
        },
      };
    },
  },
  // ── practitioner verification ──
  {
    kind: "action",
    file: ACTIONS.verifications,
    name: "requestVerificationAction",
    who: "any signed-in user, for themselves",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      return {
        args: [null, form({ occupationCode: SECURITY_OCCUPATION.code, credentialIssuer: "Test Board", credentialNumber: uniqueText("TB"), referenceUrl: "", workEmail: "", note: "" })],
        state: async () => ({ owner: await verificationsOf(context.owner.id), caller: context.caller ? await verificationsOf(context.caller.id) : null }),
        async expectEffect(result) {
          okMessage(result, /is waiting for a moderator\.$/);
          expect(await verificationsOf(callerOf(context).id)).toEqual([{ status: "PENDING", occupationCode: SECURITY_OCCUPATION.code }]);
          if (context.caller !== context.owner) expect(await verificationsOf(context.owner.id)).toEqual([]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.verifications,
    name: "confirmWorkEmailAction",
    who: "anyone holding the token emailed to the work address (the token is the proof; it works once)",
    outcomes: EVERYONE,
    async prepare(context) {
      const workEmail = `work-${randomBytes(5).toString("hex")}@example.test`;
      const { id, token } = await insertVerification(context.owner.id, "PENDING", { workEmail });
      return {
        args: [null, form({ token })],
        state: () => readVerification(id),
        async expectEffect(result) {
          okMessage(result, `Confirmed: ${workEmail} is shown to the moderators as a confirmed work address.`);
          const after = await readVerification(id);
          expect([after.workEmailConfirmedAt !== null, after.auditEntries, after.status]).toEqual([true, 1, "PENDING"]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.moderateVerifications,
    name: "grantVerificationAction",
    who: "moderators and admins, never on their own request",
    outcomes: VERIFICATION_DECIDERS,
    refusal: verificationRefusal,
    prepare: (context) => prepareVerificationDecision(context, "PENDING", { status: "GRANTED", message: /^Granted until \d{4}-\d{2}-\d{2}\. The requester is notified\.$/, by: "decidedById" }),
  },
  {
    kind: "action",
    file: ACTIONS.moderateVerifications,
    name: "refuseVerificationAction",
    who: "moderators and admins, never on their own request",
    outcomes: VERIFICATION_DECIDERS,
    refusal: verificationRefusal,
    prepare: (context) => prepareVerificationDecision(context, "PENDING", { status: "REFUSED", message: /^Refused\./, by: "decidedById" }),
  },
  {
    kind: "action",
    file: ACTIONS.moderateVerifications,
    name: "revokeVerificationAction",
    who: "moderators and admins, never on their own verification",
    outcomes: VERIFICATION_DECIDERS,
    refusal: verificationRefusal,
    prepare: (context) => prepareVerificationDecision(context, "GRANTED", { status: "REVOKED", message: /^Revoked: the badge no longer shows\./, by: "revokedById" }),
  },
  {
    kind: "action",
    file: ACTIONS.review,
    name: "reviewSubmissionAction",
    who: "practitioners verified in the item's family (here the owner), never on their own item",
    outcomes: OWNER_ONLY,
    refusal: notTheirs("Only practitioners verified in this occupation's family can review it."),
    async prepare(context) {
      await insertVerification(context.owner.id, "GRANTED");
      const author = await seedUser({ databaseUrl: databaseUrl(), baseUrl: context.baseUrl });
      const submissionId = await insertCorrection(author.id, "PENDING");
      const reason = uniqueText("Matches how the work is done today");
      return {
        args: [null, form({ submissionId, verdict: "AGREE", reason })],
        state: () => readPractitionerReviews(submissionId),
        async expectEffect(result) {
          okMessage(result, /the moderators see your review beside the change\.$/);
          expect(await readPractitionerReviews(submissionId)).toEqual([{ reviewerId: context.owner.id, verdict: "AGREE", reason }]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.profile,
    name: "updateProfileVisibilityAction",
    who: "any signed-in user with a saved profile, on their own profile only",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      await insertProfile(context.owner.id);
      if (context.caller) await insertProfile(context.caller.id);
      return {
        args: [null, form({ publicPage: "on", showJobTitle: "on", showApproved: "on" })],
        state: async () => ({ owner: await readProfileVisibility(context.owner.id), caller: context.caller ? await readProfileVisibility(context.caller.id) : null }),
        async expectEffect(result) {
          okMessage(result, "Saved: your public profile shows what you ticked.");
          expect(await readProfileVisibility(callerOf(context).id)).toEqual({ publicPage: true, showJobTitle: true, showYears: false, showOccupations: false, showApproved: true });
          if (context.caller !== context.owner) expect(await readProfileVisibility(context.owner.id)).toMatchObject({ showJobTitle: false });
        },
      };
    },
  },
  // ── signing in and out ──
  {
    kind: "action",
    file: ACTIONS.signIn,
    name: "requestSignInLink",
    who: "anyone: sends a sign-in link to the address given (never to the caller)",
    outcomes: EVERYONE,
    async prepare(context) {
      // The other contributor asks for a link to the owner's address: it goes to the owner's inbox.
      const email = context.actor === "otherContributor" ? context.owner.email : `link-${randomBytes(5).toString("hex")}@example.test`;
      return {
        args: [null, form({ email, callbackUrl: "/profile" })],
        state: async () => ({ tokens: await verificationTokens(email), messages: (await readMessages(e2eMailboxDir(), email)).length }),
        async expectEffect(result) {
          expect(result.headers.get("x-action-redirect")).toMatch(/^\/sign-in\/check-email(;|$)/);
          await waitForMessage(e2eMailboxDir(), email);
          expect(await verificationTokens(email)).toBe(1);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.signIn,
    name: "signInWithProvider",
    who: "anyone; only providers configured on the server (none in this suite: back to /sign-in)",
    outcomes: EVERYONE,
    async prepare(context) {
      return {
        args: [form({ provider: "github", callbackUrl: "/profile" })],
        state: async () => (context.caller ? sessionExists(context.caller.sessionToken) : null),
        async expectEffect(result) {
          expect(result.headers.get("x-action-redirect")).toMatch(/^\/sign-in(;|$)/);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.signOut,
    name: "signOutAction",
    who: "anyone: ends the caller's own session only",
    outcomes: EVERYONE,
    async prepare(context) {
      return {
        args: [],
        state: async () => ({ owner: await sessionExists(context.owner.sessionToken), caller: context.caller ? await sessionExists(context.caller.sessionToken) : null }),
        async expectEffect(result) {
          expect(result.headers.get("x-action-redirect")).toMatch(/^(http:\/\/[^/]+)?\/(;|$)/);
          if (context.caller) expect(await sessionExists(context.caller.sessionToken)).toBe(false);
          if (context.caller !== context.owner) expect(await sessionExists(context.owner.sessionToken)).toBe(true);
        },
      };
    },
  },
  // ── moderation ──
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "resolveNarrativeReportsAction",
    who: "moderators and admins, not on their own narrative",
    outcomes: MODERATORS,
    refusal: roleMayNot("approve, decline or request changes", "Nobody decides on their own submission: another moderator will review it."),
    async prepare(context) {
      const submissionId = await insertNarrative(context.owner.id, "APPROVED");
      await insertNarrativeReport(submissionId);
      return {
        args: [null, form({ submissionId, decision: "keep" })],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          okMessage(result, /^Kept on the page/);
          const after = await readSubmission(submissionId);
          expect([after.submission?.status, after.openReports, after.auditEntries]).toEqual(["APPROVED", 0, 1]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "claimSubmissionAction",
    who: "moderators and admins, not on their own submission",
    outcomes: MODERATORS,
    refusal: roleMayNot("claim a queue item", "You cannot review your own submission."),
    async prepare(context) {
      const submissionId = await insertCorrection(context.owner.id, "PENDING");
      return {
        args: [null, form({ submissionId })],
        state: () => readSubmission(submissionId),
        async expectEffect(result) {
          okMessage(result, /^Claimed until/);
          expect((await readSubmission(submissionId)).submission?.claimedById).toBe(callerOf(context).id);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "approveSubmissionAction",
    who: "moderators and admins, not on their own submission",
    outcomes: MODERATORS,
    refusal: roleMayNot("approve, decline or request changes", "Nobody decides on their own submission: another moderator will review it."),
    async prepare(context) {
      // "apply anyway": the other checks approve descriptions of the same page meanwhile.
      const prepared = await prepareDecision(context, { applyAnyway: "on" }, { status: "APPROVED", message: /^Approved: revision \d+ of the page is live\.$/ });
      return {
        ...prepared,
        async expectEffect(result) {
          await prepared.expectEffect(result);
          const submissionId = (prepared.args![1] as FormData).get("submissionId") as string;
          expect((await readSubmission(submissionId)).revisions).toBe(1);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "declineSubmissionAction",
    who: "moderators and admins, not on their own submission",
    outcomes: MODERATORS,
    refusal: roleMayNot("approve, decline or request changes", "Nobody decides on their own submission: another moderator will review it."),
    prepare: (context) => prepareDecision(context, { reason: "other", message: "Declined by the authorization matrix check." }, { status: "DECLINED", message: /^Declined\./ }),
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "requestChangesAction",
    who: "moderators and admins, not on their own submission",
    outcomes: MODERATORS,
    refusal: roleMayNot("approve, decline or request changes", "Nobody decides on their own submission: another moderator will review it."),
    prepare: (context) => prepareDecision(context, { message: "Please add a source for this change." }, { status: "CHANGES_REQUESTED", message: /^Sent back to the author/ }),
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "recordSecondLookFindingAction",
    who: "moderators and admins, not on an approval of their own submission (nor their own approval)",
    outcomes: MODERATORS,
    refusal: roleMayNot("take a second look at other moderators' approvals", "A second look is for someone else: you approved or wrote this change."),
    async prepare(context) {
      const secondLookId = await insertSecondLook(context.owner.id);
      return {
        args: [null, form({ secondLookId, finding: "fine", note: "" })],
        state: () => readSecondLook(secondLookId),
        async expectEffect(result) {
          okMessage(result, /^Recorded: the approval was fine\.$/);
          expect(await readSecondLook(secondLookId)).toEqual({ finding: "fine", foundById: callerOf(context).id, auditEntries: 1 });
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "rollbackToRevisionAction",
    who: "moderators and admins",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny" },
    refusal: roleMayNot("roll a page back to an earlier revision"),
    async prepare(context) {
      const revisionId = await insertApprovalRevision(context.owner.id);
      return {
        args: [null, form({ revisionId, restore: "before" })],
        state: () => readRevisionState(revisionId),
        async expectEffect(result) {
          okMessage(result, /^Rolled back: revision \d+ of the page is live\.$/);
          const after = await readRevisionState(revisionId);
          expect(after.rollbacks).toBe(1);
          expect(after.communityValue).toBeNull();
        },
      };
    },
  },
  // ── people: moderators act on a contributor's account (the owner) ──
  {
    kind: "action",
    file: ACTIONS.people,
    name: "setUserRoleAction",
    who: "admins only, on someone else's account",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "deny", admin: "allow", banned: "deny" },
    refusal: { ...roleMayNot("change people's roles"), moderator: "Your role (moderator) may not change people's roles." },
    async prepare(context) {
      return {
        args: [null, form({ userId: context.owner.id, role: "MODERATOR" })],
        state: () => readAccount(context.owner.id),
        async expectEffect(result) {
          okMessage(result, "Role changed: contributor → moderator.");
          expect(await readAccount(context.owner.id)).toMatchObject({ role: "MODERATOR", auditEntries: 1 });
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.people,
    name: "suspendUserAction",
    who: "moderators and admins, on a contributor's account",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny" },
    refusal: roleMayNot("suspend accounts, lift suspensions and clean up spam"),
    async prepare(context) {
      const reason = uniqueText("Posting the same link everywhere");
      return {
        args: [null, form({ userId: context.owner.id, reason, until: "", pending: "keep" })],
        state: () => readAccount(context.owner.id),
        async expectEffect(result) {
          okMessage(result, /^Suspended indefinitely; signed out of 1 session\.$/);
          expect(await readAccount(context.owner.id)).toMatchObject({ banReason: reason, sessions: 0, auditEntries: 1 });
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.people,
    name: "liftSuspensionAction",
    who: "moderators and admins, on a contributor's account",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny" },
    // The owner is suspended here, so calling as the owner is calling without a session.
    refusal: { ...roleMayNot("suspend accounts, lift suspensions and clean up spam"), contributor: SIGN_IN_FIRST },
    async prepare(context) {
      await setUserBanned(databaseUrl(), context.owner.id, true);
      return {
        args: [null, form({ userId: context.owner.id })],
        state: () => readAccount(context.owner.id),
        async expectEffect(result) {
          okMessage(result, "Suspension lifted: they can sign in again.");
          expect(await readAccount(context.owner.id)).toMatchObject({ bannedAt: null, auditEntries: 1 });
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.people,
    name: "cleanUpSpamAction",
    who: "moderators and admins, on a contributor's account",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny" },
    refusal: roleMayNot("suspend accounts, lift suspensions and clean up spam"),
    async prepare(context) {
      const submissionId = await insertCorrection(context.owner.id, "PENDING");
      return {
        args: [null, form({ userId: context.owner.id })],
        state: async () => ({ account: await readAccount(context.owner.id), submission: await readSubmission(submissionId) }),
        async expectEffect(result) {
          okMessage(result, "Suspended indefinitely and 1 pending submission declined.");
          expect(await readAccount(context.owner.id)).toMatchObject({ sessions: 0, auditEntries: 1 });
          expect((await readSubmission(submissionId)).submission?.status).toBe("DECLINED");
        },
      };
    },
  },
  // ── one's own account ──
  {
    kind: "action",
    file: ACTIONS.account,
    name: "requestAccountDeletionAction",
    who: "any signed-in user, for their own account only (the link goes to its address)",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      return {
        args: [null, form({ withdrawNarratives: "on" })],
        state: async () => ({ owner: await readAccount(context.owner.id), caller: context.caller ? await readAccount(context.caller.id) : null }),
        async expectEffect(result) {
          const caller = callerOf(context);
          okMessage(result, `We sent a link to ${caller.email}. Open it within an hour to delete your account; until then nothing changes.`);
          await waitForMessage(e2eMailboxDir(), caller.email);
          expect(await readAccount(caller.id)).toMatchObject({ changes: 1, sessions: 1 });
          if (caller !== context.owner) expect((await readAccount(context.owner.id)).changes).toBe(0);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.account,
    name: "requestEmailChangeAction",
    who: "any signed-in user, for their own account only (the link goes to the new address)",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      const newEmail = `moved-${randomBytes(5).toString("hex")}@example.test`;
      return {
        args: [null, form({ newEmail })],
        state: async () => ({ owner: await readAccount(context.owner.id), caller: context.caller ? await readAccount(context.caller.id) : null }),
        async expectEffect(result) {
          const caller = callerOf(context);
          okMessage(result, `We sent a link to ${newEmail}. Open it within an hour to sign in with that address from then on.`);
          await waitForMessage(e2eMailboxDir(), newEmail);
          expect(await readAccount(caller.id)).toMatchObject({ email: caller.email, changes: 1 });
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.account,
    name: "confirmAccountChangeAction",
    who: "anyone holding the emailed token (the token is the proof; it works once)",
    outcomes: EVERYONE,
    async prepare(context) {
      const newEmail = `confirmed-${randomBytes(5).toString("hex")}@example.test`;
      const token = await insertEmailChange(context.owner.id, newEmail);
      return {
        args: [null, form({ token })],
        state: () => readAccount(context.owner.id),
        async expectEffect(result) {
          okMessage(result, `Done: you now sign in with ${newEmail}.`);
          expect(await readAccount(context.owner.id)).toMatchObject({ email: newEmail, auditEntries: 1 });
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.moderation,
    name: "resolveReleaseConflictAction",
    who: "moderators and admins",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny" },
    refusal: roleMayNot("approve, decline or request changes"),
    async prepare() {
      const conflictId = await insertReleaseConflict();
      return {
        args: [null, form({ conflictId, decision: "keep" })],
        state: () => readReleaseConflict(conflictId),
        async expectEffect(result) {
          okMessage(result, /^Kept: the correction stays as it is\.$/);
          const after = await readReleaseConflict(conflictId);
          expect(after.resolution).toBe("keep");
          expect(after.audits).toBe(1);
        },
      };
    },
  },
  // ── watching pages; the families a moderator reviews ──
  {
    kind: "action",
    file: ACTIONS.watching,
    name: "watchPageAction",
    who: "any signed-in user, for themselves only",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      return {
        args: [{ occupationCode: SECURITY_OCCUPATION.code }],
        state: async () => ({ owner: await readWatches(context.owner.id), caller: context.caller ? await readWatches(context.caller.id) : null }),
        async expectEffect(result) {
          okMessage(result, /^You are watching All Other Test Workers/);
          expect(await readWatches(callerOf(context).id)).toEqual([SECURITY_OCCUPATION.code]);
          if (context.caller !== context.owner) expect(await readWatches(context.owner.id)).toEqual([]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.watching,
    name: "unwatchPageAction",
    who: "any signed-in user, on their own watch only",
    outcomes: SIGNED_IN,
    refusal: unauthenticated,
    async prepare(context) {
      await insertWatch(context.owner.id);
      if (context.caller && context.caller !== context.owner) await insertWatch(context.caller.id);
      return {
        args: [null, form({ occupationCode: SECURITY_OCCUPATION.code })],
        state: async () => ({ owner: await readWatches(context.owner.id), caller: context.caller ? await readWatches(context.caller.id) : null }),
        async expectEffect(result) {
          okMessage(result, "You no longer watch this page.");
          expect(await readWatches(callerOf(context).id)).toEqual([]);
          // Someone else's watch stays.
          if (context.caller !== context.owner) expect(await readWatches(context.owner.id)).toEqual([SECURITY_OCCUPATION.code]);
        },
      };
    },
  },
  {
    kind: "action",
    file: ACTIONS.families,
    name: "updateReviewerFamiliesAction",
    who: "moderators and admins, for themselves only",
    outcomes: { anonymous: "deny", contributor: "deny", otherContributor: "deny", moderator: "allow", admin: "allow", banned: "deny" },
    refusal: roleMayNot("see the moderation queue and review items"),
    async prepare(context) {
      return {
        args: [null, form({ families: SECURITY_OCCUPATION.code })],
        state: async () => ({ owner: await readReviewerFamilies(context.owner.id), caller: context.caller ? await readReviewerFamilies(context.caller.id) : null }),
        async expectEffect(result) {
          okMessage(result, "Saved: you review 99-0000.");
          expect(await readReviewerFamilies(callerOf(context).id)).toEqual(["99-0000"]);
          expect(await readReviewerFamilies(context.owner.id)).toEqual([]);
        },
      };
    },
  },
  // ── route handlers: all public and read-only, except Auth.js' own endpoints ──
  {
    kind: "handler",
    file: "app/api/watches/[code]/route.ts",
    name: "GET",
    who: "anyone: tells the caller about their own watch only (the owner watches the page)",
    outcomes: EVERYONE,
    async prepare(context) {
      await insertWatch(context.owner.id);
      return {
        request: { path: `/api/watches/${SECURITY_OCCUPATION.code}` },
        state: async () => null,
        async expectEffect(result) {
          expect(result.status).toBe(200);
          expect(result.headers.get("cache-control")).toBe("private, no-store");
          const signedIn = context.caller !== null && context.actor !== "banned";
          expect(JSON.parse(result.body)).toEqual({ signedIn, watching: signedIn && context.caller === context.owner });
        },
      };
    },
  },
  publicGet("app/(reader)/roles/[slug]/changes.atom/route.ts", `/roles/${SECURITY_OCCUPATION.slug}/changes.atom`, "anyone (public feed, cached; the same for every caller)", (body) =>
    expect(body).toContain("<title>Careerwiki: changes to All Other Test Workers</title>"),
  ),
  {
    kind: "handler",
    file: "app/(contributor)/me/account/export/route.ts",
    name: "GET",
    who: "any signed-in user: their own data only",
    outcomes: SIGNED_IN,
    async prepare(context) {
      return {
        request: { path: "/me/account/export?format=json" },
        state: async () => null,
        async expectEffect(result) {
          expect(result.headers.get("cache-control")).toBe("private, no-store");
          const data = JSON.parse(result.body) as { account: { email: string } };
          expect(data.account.email).toBe(callerOf(context).email);
        },
      };
    },
  },
  publicGet("app/(reader)/changes.atom/route.ts", "/changes.atom", "anyone (public feed; the same for every caller)", (body) => expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')),
  {
    kind: "handler",
    file: "app/api/auth/[...nextauth]/route.ts",
    name: "GET",
    who: "anyone: /api/auth/session tells the caller about their own session only",
    outcomes: EVERYONE,
    async prepare(context) {
      return {
        request: { path: "/api/auth/session" },
        state: async () => null,
        async expectEffect(result) {
          expect(result.status).toBe(200);
          const session = JSON.parse(result.body) as { user?: { email?: string } } | null;
          const signedIn = context.caller !== null && context.actor !== "banned";
          expect(session?.user?.email ?? null).toBe(signedIn ? callerOf(context).email : null);
        },
      };
    },
  },
  {
    kind: "handler",
    file: "app/api/auth/[...nextauth]/route.ts",
    name: "HEAD",
    who: "anyone: answers as GET does, without the body",
    outcomes: EVERYONE,
    async prepare() {
      return {
        request: { path: "/api/auth/session", init: { method: "HEAD" } },
        state: async () => null,
        async expectEffect(result) {
          expect(result.status).toBe(200);
          expect(result.body).toBe("");
        },
      };
    },
  },
  {
    kind: "handler",
    file: "app/api/[...path]/route.ts",
    name: "GET",
    who: "anyone: an address under /api/ that names no endpoint, the same 404 for every caller",
    outcomes: EVERYONE,
    allowedStatus: 404,
    async prepare() {
      return {
        request: { path: "/api/no-such-endpoint" },
        state: async () => null,
        async expectEffect(result) {
          expect(result.status).toBe(404);
          expect(JSON.parse(result.body)).toMatchObject({ error: { code: "NOT_FOUND" } });
        },
      };
    },
  },
  {
    kind: "handler",
    file: "app/api/auth/[...nextauth]/route.ts",
    name: "POST",
    who: "anyone with Auth.js' CSRF token: /api/auth/signout ends the caller's own session only",
    outcomes: EVERYONE,
    async prepare(context) {
      const csrf = await authCsrfToken(context.baseUrl);
      return {
        request: { path: "/api/auth/signout", init: { method: "POST", headers: { Cookie: csrf.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken: csrf.token }).toString() } },
        state: async () => ({ owner: await sessionExists(context.owner.sessionToken), caller: context.caller ? await sessionExists(context.caller.sessionToken) : null }),
        async expectEffect(result) {
          expect(result.status).toBe(302);
          if (context.caller) expect(await sessionExists(context.caller.sessionToken)).toBe(false);
          if (context.caller !== context.owner) expect(await sessionExists(context.owner.sessionToken)).toBe(true);
        },
      };
    },
  },
  publicGet("app/api/roles-markdown/[slug]/route.ts", `/roles/${SECURITY_OCCUPATION.slug}.md`, "anyone (public, cached)", (body) => expect(body).toContain("# All Other Test Workers")),
  publicGet("app/api/roles/[code]/route.ts", `/api/roles/${SECURITY_OCCUPATION.code}`, "anyone (public, cached)", (body) => expect(JSON.parse(body)).toMatchObject({ code: SECURITY_OCCUPATION.code })),
  publicGet("app/api/health/route.ts", "/api/health", "anyone (public, never cached): says only whether the database answers", (body) => expect(JSON.parse(body)).toEqual({ status: "ok", databaseMs: expect.any(Number) })),
  publicGet("app/api/search/suggest/route.ts", "/api/search/suggest?q=widget", "anyone (public, cached)", (body) => expect(JSON.parse(body)).toMatchObject({ query: "widget" })),
  publicGet("app/api/openapi.json/route.ts", "/api/openapi.json", "anyone (public, static)", (body) => expect(JSON.parse(body)).toMatchObject({ openapi: "3.1.0" })),
  publicGet("app/api/earnings/route.ts", "/api/earnings?roles=test-widget-engineers", "anyone (public, cached): computed from official figures, nothing stored", (body) =>
    expect(JSON.parse(body)).toMatchObject({ careers: [{ slug: "test-widget-engineers" }] }),
  ),
];

const databaseUrl = () => process.env.E2E_DATABASE_URL!;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";

export const cookieHeader = (user: SeededUser | null) => (user ? `${user.cookie.name}=${user.cookie.value}` : undefined);

/** The owner of the data and the caller for one check, freshly seeded (see the actors above). */
export async function seedActors(row: MatrixRow, actor: ActorKind, baseUrl: string): Promise<Pick<CheckContext, "owner" | "caller">> {
  const seed = (role: "CONTRIBUTOR" | "MODERATOR" | "ADMIN", banned = false) => seedUser({ databaseUrl: databaseUrl(), role, baseUrl, banned });
  const owner = await seed(actor === "ownModerator" ? "MODERATOR" : "CONTRIBUTOR");
  switch (actor) {
    case "anonymous":
      return { owner, caller: null };
    case "contributor":
    case "ownModerator":
      return { owner, caller: owner };
    case "otherContributor":
      return { owner, caller: await seed("CONTRIBUTOR") };
    case "moderator":
      return { owner, caller: await seed("MODERATOR") };
    case "admin":
      return { owner, caller: await seed("ADMIN") };
    case "banned":
      // Banned is the role that would otherwise be allowed: the owner, or else a moderator.
      if (row.outcomes.contributor === "allow") {
        await setUserBanned(databaseUrl(), owner.id, true);
        return { owner, caller: owner };
      }
      return { owner, caller: await seed("MODERATOR", true) };
  }
}

/**
 * Calls the row's action or handler as the context's caller, as a browser on the site would
 * (its Origin), or with `origin` instead (null: none) for the cross-site checks.
 */
export async function callEntryPoint(row: MatrixRow, context: CheckContext, prepared: Prepared, { origin }: { origin?: string | null } = {}): Promise<CallResult> {
  const cookie = cookieHeader(context.caller);
  if (row.kind === "action") {
    const action = findServerAction(listServerActions(distDir), row.file, row.name);
    return callServerAction({ baseUrl: context.baseUrl, action, args: prepared.args ?? [], cookie, origin });
  }
  const { path, init = {} } = prepared.request!;
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", [headers.get("Cookie"), cookie].filter(Boolean).join("; "));
  const sentOrigin = origin === undefined ? new URL(context.baseUrl).origin : origin;
  if (init.method && init.method !== "GET" && sentOrigin !== null) headers.set("Origin", sentOrigin);
  const response = await fetch(new URL(path, context.baseUrl), { ...init, headers, redirect: "manual" });
  return { status: response.status, value: null, body: await response.text(), headers: response.headers };
}
