import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import { OPERATOR_ACTOR_ID } from "./record-audit-entry";

/** The newest audit entries (moderators only), optionally for one target. */
export async function findAuditEntries({ actor, targetId, take = 100 }: { actor: Actor | null; targetId?: string; take?: number }) {
  assertCan(actor, "audit:view");
  const rows = await prisma.auditEntry.findMany({ where: targetId ? { targetId } : {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const names = await findDisplayNames(rows.map((r) => r.actorId));
  return rows.map((row) => ({ ...row, actorName: row.actorId === OPERATOR_ACTOR_ID ? "Operator (npm run user:role)" : nameOf(names, row.actorId) }));
}
