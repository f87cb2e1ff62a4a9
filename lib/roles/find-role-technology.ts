import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { TechnologyGroup, ToolGroup } from "./role-page.types";

/** Technology skills grouped by commodity (largest groups, then hot technologies, first). */
export async function findRoleTechnology(releaseId: number, occupationCode: string): Promise<TechnologyGroup[]> {
  const rows = await prisma.technologySkill.findMany({
    where: { releaseId, occupationCode },
    orderBy: [{ commodityTitle: "asc" }, { hotTechnology: "desc" }, { inDemand: "desc" }, { example: "asc" }],
    select: { example: true, commodityTitle: true, hotTechnology: true, inDemand: true },
  });
  const groups = new Map<string, TechnologyGroup>();
  for (const row of rows) {
    const group = groups.get(row.commodityTitle) ?? { commodityTitle: row.commodityTitle, items: [] };
    group.items.push({ example: row.example, hotTechnology: row.hotTechnology, inDemand: row.inDemand });
    groups.set(row.commodityTitle, group);
  }
  const hot = (group: TechnologyGroup) => group.items.filter((item) => item.hotTechnology).length;
  return [...groups.values()].sort((a, b) => hot(b) - hot(a) || b.items.length - a.items.length || a.commodityTitle.localeCompare(b.commodityTitle));
}

/** Tools used, grouped by commodity. */
export async function findRoleTools(releaseId: number, occupationCode: string): Promise<ToolGroup[]> {
  const rows = await prisma.toolUsed.findMany({
    where: { releaseId, occupationCode },
    orderBy: [{ commodityTitle: "asc" }, { example: "asc" }],
    select: { example: true, commodityTitle: true },
  });
  const groups = new Map<string, ToolGroup>();
  for (const row of rows) {
    const group = groups.get(row.commodityTitle) ?? { commodityTitle: row.commodityTitle, items: [] };
    group.items.push(row.example);
    groups.set(row.commodityTitle, group);
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.commodityTitle.localeCompare(b.commodityTitle));
}
