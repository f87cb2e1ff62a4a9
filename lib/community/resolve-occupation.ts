import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The occupation of a role slug (code, slug, title), or null. */
export async function resolveOccupation(slug: string) {
  return prisma.occupation.findUnique({ where: { slug }, select: { code: true, slug: true, title: true } });
}
