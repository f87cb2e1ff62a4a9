import { AppError, toUserMessage } from "../../../lib/errors";
import { callServerAction, findServerAction, type ServerActionRef } from "./server-actions";
import { seedUser, type SeededUser } from "../seed-users";
import { queryRows } from "../query-rows";

/**
 * Load on the real app over HTTP, shared by `npm run bench:load` and the database-fault
 * suite (e2e/resilience): signed-in users send corrections and narratives through the same
 * server actions the browser calls, moderators race to approve the same submission, and
 * afterwards the database is asked what was really stored, so that every answer the
 * clients got can be checked against it (nothing lost, nothing half-written, nothing
 * applied twice).
 */

export interface LoadActions {
  submitCorrection: ServerActionRef;
  submitNarrative: ServerActionRef;
  approveSubmission: ServerActionRef;
}

export function findLoadActions(actions: ServerActionRef[]): LoadActions {
  return {
    submitCorrection: findServerAction(actions, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction"),
    submitNarrative: findServerAction(actions, "app/(contributor)/contribute/actions.ts", "submitNarrativeAction"),
    approveSubmission: findServerAction(actions, "app/(moderation)/moderation/actions.ts", "approveSubmissionAction"),
  };
}

/** `count` users of `role`, each with a real Session row (seeded in parallel, a few at a time). */
export async function seedUsers(databaseUrl: string, baseUrl: string, role: "CONTRIBUTOR" | "MODERATOR", count: number): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, i) => seedUser({ databaseUrl, baseUrl, role, name: `Load ${role.toLowerCase()} ${start + i + 1}` }));
    users.push(...(await Promise.all(batch)));
  }
  return users;
}

/** What the client was told. */
export type Outcome =
  /** The action answered ok: the client was told its write is done. */
  | "accepted"
  /** The action answered with a message a person can act on (rate limit, database away, already decided…). */
  | "refused"
  /** An HTTP status of 500 or more. */
  | "server-error"
  /** No HTTP answer at all (connection refused or reset). */
  | "no-answer";

export interface RequestResult {
  outcome: Outcome;
  /** HTTP status, 0 for no answer. */
  status: number;
  /** The message shown to the person (refusals), or what went wrong (errors). */
  reason?: string;
  /** Returned by the action, e.g. the id of a new narrative. */
  data?: Record<string, string>;
  startedAt: number;
  endedAt: number;
}

interface ActionState {
  ok: boolean;
  message: string;
  data?: Record<string, string>;
}

/** Calls one server action as `user` and classifies the answer; never throws. */
export async function callAction(baseUrl: string, action: ServerActionRef, args: unknown[], user: SeededUser, pagePath: string): Promise<RequestResult> {
  const startedAt = performance.now();
  try {
    const response = await callServerAction({ baseUrl, action, args, cookie: `${user.cookie.name}=${user.cookie.value}`, pagePath });
    const endedAt = performance.now();
    if (response.status >= 500) return { outcome: "server-error", status: response.status, reason: response.body.slice(0, 200), startedAt, endedAt };
    const state = response.value as ActionState | null;
    if (response.status === 200 && state && typeof state.ok === "boolean") {
      return { outcome: state.ok ? "accepted" : "refused", status: 200, reason: state.ok ? undefined : state.message, data: state.data, startedAt, endedAt };
    }
    return { outcome: "refused", status: response.status, reason: `HTTP ${response.status} without an answer from the action`, startedAt, endedAt };
  } catch (error) {
    return { outcome: "no-answer", status: 0, reason: (error as Error).message, startedAt, endedAt: performance.now() };
  }
}

// ── Submissions ─────────────────────────────────────────────────────────────────────────

export interface PlannedSubmission {
  /** Unique text carried by the submission, to find its row afterwards. */
  token: string;
  kind: "correction" | "narrative";
  author: SeededUser;
  occupationCode: string;
}

export interface SubmissionResult extends RequestResult {
  submission: PlannedSubmission;
}

/**
 * `count` submissions, spread round-robin over `authors` and `occupationCodes`, corrections
 * and narratives alternating. Corrections add a task: each approved one then has a
 * community value of its own to count.
 */
export function planSubmissions({ runId, authors, occupationCodes, count, first = 0 }: { runId: string; authors: SeededUser[]; occupationCodes: string[]; count: number; first?: number }): PlannedSubmission[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return {
      token: `${runId}-${n}`,
      kind: n % 2 === 0 ? "correction" : "narrative",
      author: authors[n % authors.length]!,
      occupationCode: occupationCodes[n % occupationCodes.length]!,
    };
  });
}

/** Tokens look like `load<base36>-<n>`; this finds them in stored text. */
const TOKEN_PATTERN = "load[a-z0-9]+-[0-9]+";

export function newRunId(): string {
  return `load${Date.now().toString(36)}`;
}

export async function sendSubmission(baseUrl: string, actions: LoadActions, submission: PlannedSubmission): Promise<SubmissionResult> {
  const { token, author, occupationCode } = submission;
  let result: RequestResult;
  if (submission.kind === "correction") {
    const form = new FormData();
    form.set("occupationCode", occupationCode);
    form.set("field", "TASK");
    form.set("operation", "ADD");
    form.set("proposedValue", `Keep a written log of every job (${token}).`);
    form.set("rationale", `Practitioners log their work; added under load (${token}).`);
    form.set("baseRevisionNumber", "0");
    result = await callAction(baseUrl, actions.submitCorrection, [null, form], author, "/");
  } else {
    const text = `Most days in this work (${token}) start with a short plan, then hours of careful hands-on work, a few calls with colleagues and a written note of what was done and what is left for tomorrow. `;
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: text.repeat(2) }] }] };
    result = await callAction(baseUrl, actions.submitNarrative, [{ occupationCode, doc, yearsInRole: 5, promptAnswers: {} }], author, "/");
  }
  return { ...result, submission };
}

// ── Approval races ──────────────────────────────────────────────────────────────────────

export interface RaceResult {
  submissionId: string;
  moderators: [SeededUser, SeededUser];
  answers: [RequestResult, RequestResult];
}

/** Two moderators approve the same submission at the same moment. */
export async function raceApproval(baseUrl: string, actions: LoadActions, submissionId: string, moderators: [SeededUser, SeededUser]): Promise<RaceResult> {
  const approve = (moderator: SeededUser) => {
    const form = new FormData();
    form.set("submissionId", submissionId);
    return callAction(baseUrl, actions.approveSubmission, [null, form], moderator, `/moderation/${submissionId}`);
  };
  const answers = await Promise.all([approve(moderators[0]), approve(moderators[1])]);
  return { submissionId, moderators, answers };
}

/** The answer the losing moderator must get. */
export const ALREADY_DECIDED_MESSAGE = toUserMessage(new AppError("ALREADY_DECIDED"));

export interface RaceSummary {
  races: number;
  /** Races with exactly one approval accepted and the other told "already decided". */
  clean: number;
  /** Both moderators were told their approval went through. */
  bothAccepted: number;
  /** Neither was (e.g. the database was away): the submission must then be untouched or approved once. */
  noneAccepted: number;
  /** One accepted, the other refused with something other than "already decided". */
  otherLoserAnswer: number;
}

export function summarizeRaces(races: RaceResult[]): RaceSummary {
  const summary: RaceSummary = { races: races.length, clean: 0, bothAccepted: 0, noneAccepted: 0, otherLoserAnswer: 0 };
  for (const race of races) {
    const accepted = race.answers.filter((a) => a.outcome === "accepted").length;
    if (accepted === 2) summary.bothAccepted++;
    else if (accepted === 0) summary.noneAccepted++;
    else if (race.answers.some((a) => a.outcome === "refused" && a.reason === ALREADY_DECIDED_MESSAGE)) summary.clean++;
    else summary.otherLoserAnswer++;
  }
  return summary;
}

// ── Running many at once ────────────────────────────────────────────────────────────────

/** Runs `task` over `items` with at most `concurrency` in flight; results in input order. */
export async function runConcurrently<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function latencies(results: RequestResult[]): { p50: number; p99: number; max: number } {
  const durations = results.map((r) => r.endedAt - r.startedAt);
  return { p50: percentile(durations, 50), p99: percentile(durations, 99), max: Math.max(0, ...durations) };
}

/** Refusals grouped by the message the client saw, most frequent first. */
export function refusalReasons(results: RequestResult[]): [reason: string, count: number][] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.outcome !== "accepted") counts.set(`${r.outcome}: ${r.reason ?? "?"}`, (counts.get(`${r.outcome}: ${r.reason ?? "?"}`) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

// ── What the database holds afterwards ──────────────────────────────────────────────────

export interface StoredCounts {
  /** Accepted requests whose submission is stored exactly once (with its audit entry). */
  stored: number;
  /** Accepted requests with no stored submission. */
  lost: number;
  /** Requests whose token is stored more than once. */
  duplicated: number;
  /** Refused (or unanswered) requests that were stored anyway, completely: allowed (the answer was lost, not the write). */
  refusedButStored: number;
  /** Submissions without exactly one "submission.submit" audit entry: half-written. */
  halfWritten: number;
  /** Ids of the stored submissions of accepted requests. */
  acceptedIds: string[];
}

/** Compares what clients were told with the Submission and AuditEntry rows of their tokens. */
export async function countStoredSubmissions(databaseUrl: string, results: SubmissionResult[]): Promise<StoredCounts> {
  const authorIds = [...new Set(results.map((r) => r.submission.author.id))];
  const rows = await queryRows<{ id: string; token: string | null; audits: number }>(
    databaseUrl,
    `SELECT s."id",
            coalesce(substring(s."rationale" FROM '${TOKEN_PATTERN}'), substring(s."narrativeHtml" FROM '${TOKEN_PATTERN}')) AS "token",
            (SELECT count(*)::int FROM "AuditEntry" a WHERE a."targetId" = s."id" AND a."action" = 'submission.submit') AS "audits"
       FROM "Submission" s WHERE s."authorId" = ANY($1)`,
    [authorIds],
  );
  const byToken = new Map<string, { id: string; audits: number }[]>();
  for (const row of rows) {
    if (!row.token) continue;
    byToken.set(row.token, [...(byToken.get(row.token) ?? []), { id: row.id, audits: row.audits }]);
  }
  const counts: StoredCounts = { stored: 0, lost: 0, duplicated: 0, refusedButStored: 0, halfWritten: 0, acceptedIds: [] };
  counts.halfWritten = rows.filter((row) => row.audits !== 1).length;
  for (const result of results) {
    const stored = byToken.get(result.submission.token) ?? [];
    if (stored.length > 1) counts.duplicated++;
    if (result.outcome === "accepted") {
      if (stored.length === 0) counts.lost++;
      else if (stored.length === 1) {
        counts.stored++;
        counts.acceptedIds.push(stored[0]!.id);
      }
    } else if (stored.length > 0) counts.refusedButStored++;
  }
  return counts;
}

/** The pending submissions of `authorIds`, oldest first. */
export async function findPendingSubmissionIds(databaseUrl: string, authorIds: string[], limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(databaseUrl, `SELECT "id" FROM "Submission" WHERE "status" = 'PENDING' AND "authorId" = ANY($1) ORDER BY "submittedAt", "id" LIMIT $2`, [authorIds, limit]);
  return rows.map((row) => row.id);
}

export interface ApprovalCounts {
  approved: number;
  pending: number;
  /** Approved submissions with more than one revision, approval audit entry, notification or community value. */
  doubleApplied: number;
  /** Approved ones missing a part of the approval, or pending ones carrying a part of one. */
  partial: number;
  /** Approved ones whose recorded decider is not the moderator who was told "approved". */
  wrongDecider: number;
}

/**
 * Checks that each approval was all-or-nothing and applied once: an approved submission has
 * exactly one Revision, one "submission.approve" AuditEntry, one approval Notification and,
 * for a correction, one CommunityValue; a pending one has none of them.
 */
export async function checkApprovals(databaseUrl: string, races: RaceResult[]): Promise<ApprovalCounts> {
  const rows = await queryRows<{ id: string; kind: string; status: string; decidedById: string | null; revisions: number; audits: number; notifications: number; communityValues: number }>(
    databaseUrl,
    `SELECT s."id", s."kind", s."status", s."decidedById",
            (SELECT count(*)::int FROM "Revision" r WHERE r."submissionId" = s."id") AS "revisions",
            (SELECT count(*)::int FROM "AuditEntry" a WHERE a."targetId" = s."id" AND a."action" = 'submission.approve') AS "audits",
            (SELECT count(*)::int FROM "Notification" n WHERE n."submissionId" = s."id" AND n."kind" = 'SUBMISSION_APPROVED') AS "notifications",
            (SELECT count(*)::int FROM "CommunityValue" c WHERE c."submissionId" = s."id") AS "communityValues"
       FROM "Submission" s WHERE s."id" = ANY($1)`,
    [races.map((race) => race.submissionId)],
  );
  const winnerOf = new Map(races.map((race) => [race.submissionId, race.answers.flatMap((answer, i) => (answer.outcome === "accepted" ? [race.moderators[i]!.id] : []))]));
  const counts: ApprovalCounts = { approved: 0, pending: 0, doubleApplied: 0, partial: 0, wrongDecider: 0 };
  for (const row of rows) {
    const parts = [row.revisions, row.audits, row.notifications, ...(row.kind === "CORRECTION" ? [row.communityValues] : [])];
    if (row.status === "APPROVED") {
      counts.approved++;
      if (parts.some((n) => n > 1)) counts.doubleApplied++;
      else if (parts.some((n) => n === 0)) counts.partial++;
      const winners = winnerOf.get(row.id) ?? [];
      if (winners.length > 0 && !winners.includes(row.decidedById ?? "")) counts.wrongDecider++;
    } else {
      counts.pending++;
      if (parts.some((n) => n > 0) || row.communityValues > 0) counts.partial++;
    }
  }
  return counts;
}

