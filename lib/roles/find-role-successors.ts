import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleSuccessor } from "./role-page.types";

/**
 * The occupations O*NET's taxonomy crosswalk (in any shown release) names as successors of
 * `code`, that have a page; by title.
 */
export async function findRoleSuccessors(code: string): Promise<RoleSuccessor[]> {
  const rows = await prisma.$queryRaw<RoleSuccessor[]>`
    SELECT DISTINCT o."code", o."slug", o."title"
      FROM "OnetSuccessor" s
      JOIN "DatasetRelease" r ON r."id" = s."releaseId" AND r."shown"
      JOIN "Occupation" o ON o."code" = s."successorCode"
     WHERE s."code" = ${code}
     ORDER BY o."title"`;
  return rows;
}
