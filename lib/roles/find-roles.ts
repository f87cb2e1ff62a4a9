import "server-only";
import { prisma } from "@/lib/db/prisma";

export interface RoleListItem {
  code: string;
  slug: string;
  title: string;
  majorGroup: string;
}

/** Every occupation page, by code (SOC order groups related work together). */
export async function findRoles(): Promise<RoleListItem[]> {
  return prisma.occupation.findMany({
    orderBy: { code: "asc" },
    select: { code: true, slug: true, title: true, majorGroup: true },
  });
}
