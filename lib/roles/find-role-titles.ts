import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Other names for the occupation: O*NET's alternate titles in its order, else its sample of reported titles. */
export async function findRoleTitles(releaseId: number, occupationCode: string, title: string): Promise<string[]> {
  const rows = await prisma.alternateTitle.findMany({
    where: { releaseId, occupationCode },
    orderBy: [{ kind: "asc" }, { position: "asc" }],
    select: { kind: true, title: true },
  });
  const alternate = rows.filter((row) => row.kind === "ALTERNATE");
  const chosen = alternate.length > 0 ? alternate : rows;
  const seen = new Set([title.toLowerCase()]);
  const titles: string[] = [];
  for (const row of chosen) {
    const key = row.title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    titles.push(row.title);
  }
  return titles;
}
