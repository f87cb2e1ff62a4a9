import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findDisplayNames, findUserIdsByName, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { AUDIT_ACTIONS, OPERATOR_ACTOR_ID } from "./record-audit-entry";

export const AUDIT_PAGE_SIZE = 50;
export const OPERATOR_NAME = "Operator (npm run user:role)";

const ZDaySchema = z.iso.date("A date is written 2026-12-04.");

/** The filters without their cross-field rule (the audit page leaves `targetId` out); `ZFindAuditEntriesInputSchema` is what is accepted. */
export const ZAuditFiltersSchema = z.object({
  /** Who acted: a display or account name (any part), an email address (whole), a label such as "Moderator 12", or "operator". */
  actor: z.string().trim().min(1).max(200, "The name can be at most 200 characters.").optional(),
  action: z.enum(AUDIT_ACTIONS, `The action is one of: ${AUDIT_ACTIONS.join(", ")}.`).optional(),
  occupationCode: ZOnetSocCodeSchema.optional(),
  /** From this UTC day on (inclusive). */
  from: ZDaySchema.optional(),
  /** Up to this UTC day (inclusive). */
  to: ZDaySchema.optional(),
  page: z.coerce.number("The page is a number.").int("The page is a whole number.").min(1, "Pages start at 1.").max(100_000, "There are not that many pages.").optional(),
  targetId: z.string().min(1).max(40).optional(),
});

/** A "from" day after the "to" day matches nothing: refused, saying so, rather than answering "0 match". */
export function withDaysInOrder<TSchema extends z.ZodType<{ from?: string; to?: string }>>(schema: TSchema) {
  return schema.refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The “From” day is after the “To” day: swap them to see the entries between them.",
    path: ["from"],
  });
}

export const ZFindAuditEntriesInputSchema = withDaysInOrder(ZAuditFiltersSchema);

export type TFindAuditEntriesInput = z.infer<typeof ZFindAuditEntriesInputSchema>;

/** Audit entries, newest first, filtered by who, what, which page and when, a page at a time (moderators only). */
export async function findAuditEntries({ actor, input = {} }: { actor: Actor | null; input?: unknown }) {
  assertCan(actor, "audit:view");
  const f = parseOrThrow(ZFindAuditEntriesInputSchema, input);
  const actorIds = f.actor ? await findActorIds(f.actor) : null;
  const where: Prisma.AuditEntryWhereInput = {
    ...(actorIds ? { actorId: { in: actorIds } } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.occupationCode ? { occupationCode: f.occupationCode } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
  };
  const page = f.page ?? 1;
  const [rows, matching] = await Promise.all([
    prisma.auditEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    prisma.auditEntry.count({ where }),
  ]);
  const names = await findDisplayNames(rows.map((r) => r.actorId));
  return {
    entries: rows.map((row) => ({ ...row, actorName: row.actorId === OPERATOR_ACTOR_ID ? OPERATOR_NAME : nameOf(names, row.actorId) })),
    matching,
    page,
    pageCount: Math.max(1, Math.ceil(matching / AUDIT_PAGE_SIZE)),
  };
}

/** The actors a moderator may mean: the operator, a stable label, a name or an email address. */
async function findActorIds(text: string): Promise<string[]> {
  if (text.toLowerCase() === "operator" || text === OPERATOR_NAME) return [OPERATOR_ACTOR_ID];
  return findUserIdsByName(text);
}
