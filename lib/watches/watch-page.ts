import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { consumeWatchAllowance } from "./watch-rate-limit";
import { ZWatchPageInputSchema } from "./watch-page.types";

/**
 * The actor watches a role page: its later changes (approvals, rollbacks, releases…) notify
 * them (lib/watches/notify-page-watchers.ts). Watching twice is one watch.
 */
export async function watchPage({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }) {
  assertCan(actor, "page:watch");
  const { occupationCode } = parseOrThrow(ZWatchPageInputSchema, input);
  await consumeWatchAllowance(actor.userId, now);
  const occupation = await prisma.occupation.findUnique({ where: { code: occupationCode }, select: { code: true, title: true, slug: true } });
  if (!occupation) throw new AppError("NOT_FOUND", "There is no page for that occupation code.");
  await prisma.pageWatch.upsert({
    where: { userId_occupationCode: { userId: actor.userId, occupationCode } },
    create: { userId: actor.userId, occupationCode },
    update: {},
  });
  return { occupationCode, title: occupation.title, slug: occupation.slug };
}
