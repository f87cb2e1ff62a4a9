import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases, type ReleaseSummary } from "@/lib/releases/find-current-releases";

export interface RoleTask {
  taskId: number;
  statement: string;
  taskType: string | null;
  importance: number | null;
}

export interface RolePage {
  code: string;
  slug: string;
  title: string;
  description: string;
  jobZone: number | null;
  tasks: RoleTask[];
  /** The releases whose figures the page shows, for its sources block. */
  sources: ReleaseSummary[];
}

/** Everything the role page shows, from the newest release of each dataset; null when no such slug. */
export async function getRolePage(slug: string): Promise<RolePage | null> {
  const occupation = await prisma.occupation.findUnique({ where: { slug }, select: { code: true, slug: true, title: true } });
  if (!occupation) return null;
  const releases = await findCurrentReleases();
  const onet = releases.get("onet");
  if (!onet) return null;
  const [details, tasks] = await Promise.all([
    prisma.onetOccupation.findUnique({
      where: { releaseId_code: { releaseId: onet.id, code: occupation.code } },
      select: { description: true, jobZone: true },
    }),
    prisma.task.findMany({
      where: { releaseId: onet.id, occupationCode: occupation.code },
      // With Task Ratings.txt, most important first; otherwise O*NET's file order.
      orderBy: [{ importance: { sort: "desc", nulls: "last" } }, { position: "asc" }],
      select: { taskId: true, statement: true, taskType: true, importance: true },
    }),
  ]);
  return {
    ...occupation,
    description: details?.description ?? "",
    jobZone: details?.jobZone ?? null,
    tasks,
    sources: [...releases.values()],
  };
}
