import "server-only";
import type { Tx } from "@/lib/db/transaction";

/** The person's number (their public profile is /people/<number>) and the roles that show them over a published narrative: what to revalidate when their name, badges or profile change. */
export async function pagesShowingPerson(tx: Tx, userId: string): Promise<{ personNumber: number; rolesShowingPerson: string[] }> {
  const [user, narratives] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { number: true } }),
    tx.submission.findMany({ where: { authorId: userId, kind: "NARRATIVE", status: "APPROVED" }, select: { occupationCode: true }, distinct: ["occupationCode"] }),
  ]);
  return { personNumber: user.number, rolesShowingPerson: narratives.map((n) => n.occupationCode) };
}
