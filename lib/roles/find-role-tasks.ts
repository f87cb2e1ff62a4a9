import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleTask } from "./role-page.types";

/** Task statements: by importance when Task Ratings.txt was imported, else in O*NET's file order. */
export async function findRoleTasks(releaseId: number, occupationCode: string): Promise<RoleTask[]> {
  return prisma.task.findMany({
    where: { releaseId, occupationCode },
    orderBy: [{ importance: { sort: "desc", nulls: "last" } }, { position: "asc" }],
    select: { taskId: true, statement: true, taskType: true, importance: true },
  });
}
