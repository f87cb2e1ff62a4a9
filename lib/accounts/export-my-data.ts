import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { consumeDataExportAllowance } from "@/lib/people/people-rate-limit";

/** Everything the site keeps that the person gave it or that is about them, as one JSON document. */
export interface MyDataExport {
  exportedAt: string;
  account: { email: string; name: string | null; role: string; joinedAt: string; emailVerifiedAt: string | null; signInMethods: string[] };
  profile: { displayName: string; jobTitle: string | null; yearsExperience: number | null; sector: string | null; region: string | null; bio: string | null; occupations: string[] } | null;
  submissions: {
    id: string;
    kind: "CORRECTION" | "NARRATIVE";
    status: string;
    page: { code: string; title: string | null };
    field: string | null;
    operation: string | null;
    itemKey: string | null;
    proposedValue: unknown;
    rationale: string | null;
    sourceUrl: string | null;
    narrative: { document: unknown; yearsInRole: number | null; promptAnswers: unknown } | null;
    createdAt: string;
    submittedAt: string | null;
    decidedAt: string | null;
    decision: { reason: string | null; message: string | null } | null;
    reportedAt: string | null;
    reportReason: string | null;
  }[];
  reportsMade: { narrativeId: string; reason: string; createdAt: string; resolution: string | null }[];
  /** Practitioner verification requests, with the evidence the person sent (theirs and the moderators' only). */
  verifications: {
    occupationCode: string;
    status: string;
    requestedAt: string;
    expiresAt: string | null;
    reason: string | null;
    evidence: { credentialIssuer: string | null; credentialNumber: string | null; referenceUrl: string | null; workEmail: string | null; workEmailConfirmed: boolean; note: string | null };
  }[];
  notifications: { kind: string; submissionId: string | null; verificationId: string | null; summary: string | null; read: boolean; createdAt: string }[];
  /** The pages the person watches (O*NET-SOC codes). */
  watchedPages: string[];
  /** The sign-in sessions the site keeps (no addresses or devices are recorded). */
  signIns: { startedAt: string; lastActiveAt: string; expiresAt: string }[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The signed-in person's own data, and only theirs (every query is by the actor's id). */
export async function exportMyData({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<MyDataExport> {
  assertCan(actor, "account:manage-own");
  await consumeDataExportAllowance(actor.userId, now);
  const userId = actor.userId;
  const [user, submissions, reports, notifications, sessions, watches, verifications] = await Promise.all([
    prisma.user.findFirstOrThrow({
      where: { id: userId, deletedAt: null },
      select: {
        email: true,
        name: true,
        role: true,
        createdAt: true,
        emailVerified: true,
        accounts: { select: { provider: true } },
        profile: { select: { displayName: true, jobTitle: true, yearsExperience: true, sector: true, region: true, bio: true, occupations: { select: { occupationCode: true } } } },
      },
    }),
    prisma.submission.findMany({ where: { authorId: userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma.narrativeReport.findMany({ where: { reporterId: userId }, orderBy: { createdAt: "asc" }, select: { submissionId: true, reason: true, createdAt: true, resolution: true } }),
    prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, submissionId: true, verificationId: true, summary: true, read: true, createdAt: true } }),
    prisma.session.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, updatedAt: true, expires: true } }),
    prisma.pageWatch.findMany({ where: { userId }, orderBy: { occupationCode: "asc" }, select: { occupationCode: true } }),
    prisma.practitionerVerification.findMany({ where: { userId }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }] }),
  ]);
  const titles = new Map(
    (await prisma.occupation.findMany({ where: { code: { in: [...new Set(submissions.map((s) => s.occupationCode))] } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]),
  );
  return {
    exportedAt: now.toISOString(),
    account: {
      email: user.email,
      name: user.name,
      role: user.role.toLowerCase(),
      joinedAt: user.createdAt.toISOString(),
      emailVerifiedAt: iso(user.emailVerified),
      signInMethods: ["email link", ...user.accounts.map((account) => account.provider)],
    },
    profile: user.profile && {
      displayName: user.profile.displayName,
      jobTitle: user.profile.jobTitle,
      yearsExperience: user.profile.yearsExperience,
      sector: user.profile.sector,
      region: user.profile.region,
      bio: user.profile.bio,
      occupations: user.profile.occupations.map((o) => o.occupationCode),
    },
    submissions: submissions.map((s) => ({
      id: s.id,
      kind: s.kind,
      status: s.status,
      page: { code: s.occupationCode, title: titles.get(s.occupationCode) ?? null },
      field: s.field ? FIELD_LABELS[s.field] : null,
      operation: s.operation,
      itemKey: s.itemKey,
      proposedValue: s.proposedValue,
      rationale: s.rationale,
      sourceUrl: s.sourceUrl,
      narrative: s.kind === "NARRATIVE" ? { document: s.narrativeDoc, yearsInRole: s.yearsInRole, promptAnswers: s.promptAnswers } : null,
      createdAt: s.createdAt.toISOString(),
      submittedAt: iso(s.submittedAt),
      decidedAt: iso(s.decidedAt),
      decision: s.decisionReason || s.decisionMessage ? { reason: s.decisionReason, message: s.decisionMessage } : null,
      reportedAt: iso(s.reportedAt),
      reportReason: s.reportReason,
    })),
    verifications: verifications.map((v) => ({
      occupationCode: v.occupationCode,
      status: v.status,
      requestedAt: v.requestedAt.toISOString(),
      expiresAt: iso(v.expiresAt),
      reason: v.status === "REVOKED" ? v.revokeReason : v.decisionReason,
      evidence: { credentialIssuer: v.credentialIssuer, credentialNumber: v.credentialNumber, referenceUrl: v.referenceUrl, workEmail: v.workEmail, workEmailConfirmed: v.workEmailConfirmedAt !== null, note: v.note },
    })),
    reportsMade: reports.map((r) => ({ narrativeId: r.submissionId, reason: r.reason, createdAt: r.createdAt.toISOString(), resolution: r.resolution })),
    notifications: notifications.map((n) => ({ kind: n.kind, submissionId: n.submissionId, verificationId: n.verificationId, summary: n.summary, read: n.read, createdAt: n.createdAt.toISOString() })),
    watchedPages: watches.map((w) => w.occupationCode),
    signIns: sessions.map((session) => ({ startedAt: session.createdAt.toISOString(), lastActiveAt: session.updatedAt.toISOString(), expiresAt: session.expires.toISOString() })),
  };
}
