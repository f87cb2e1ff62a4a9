import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PEOPLE_PAGE_SIZE, type TFindPeopleQuery } from "./find-people.types";
import { summarisePeople, type PersonSummary } from "./person-summary";

interface PeoplePage {
  people: PersonSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Accounts whose name, display name or email address contains the query (any case), newest
 * first, a page at a time, with their contributions (moderators and admins). Deleted
 * accounts are left out: nothing of the person is left to find.
 */
export async function findPeople({ actor, query }: { actor: Actor | null; query: TFindPeopleQuery }): Promise<PeoplePage> {
  assertCan(actor, "people:view");
  const text = query.q?.trim();
  const where: Prisma.UserWhereInput = {
    deletedAt: null,
    ...(text
      ? {
          OR: [
            { email: { contains: text, mode: "insensitive" } },
            { name: { contains: text, mode: "insensitive" } },
            { profile: { is: { displayName: { contains: text, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * PEOPLE_PAGE_SIZE, take: PEOPLE_PAGE_SIZE, select: { id: true } }),
  ]);
  return { people: await summarisePeople(rows.map((row) => row.id)), total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)) };
}
