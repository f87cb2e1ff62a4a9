import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { socMinorGroupOf } from "@/lib/roles/soc-groups";
import { activeVerificationWhere } from "./verification-period";

/**
 * The occupation families (SOC minor groups, "29-1100") a person holds a running verification
 * in: the items they may review as a practitioner.
 */
export async function findPractitionerFamilies(userId: string, now: Date, db: Tx | typeof prisma = prisma): Promise<string[]> {
  const rows = await db.practitionerVerification.findMany({ where: { userId, ...activeVerificationWhere(now) }, select: { occupationCode: true }, distinct: ["occupationCode"] });
  return [...new Set(rows.map((r) => socMinorGroupOf(r.occupationCode)).filter((family): family is string => family !== null))].sort();
}
