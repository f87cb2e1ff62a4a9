import "server-only";
import { prisma } from "@/lib/db/prisma";

/** How many O*NET occupations map to each SOC 2018 code (several share 15-1299). */
export async function findOccupationsPerSoc(socCodes: readonly string[]): Promise<Map<string, number>> {
  if (socCodes.length === 0) return new Map();
  const groups = await prisma.occupation.groupBy({ by: ["socCode"], where: { socCode: { in: [...new Set(socCodes)] } }, _count: { _all: true } });
  return new Map(groups.filter((g) => g.socCode !== null).map((g) => [g.socCode!, g._count._all]));
}
