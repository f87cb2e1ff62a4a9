import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { consumeWatchAllowance } from "./watch-rate-limit";
import { ZWatchPageInputSchema } from "./watch-page.types";

/** The actor stops watching a page (only ever their own watch); unwatching a page not watched changes nothing. */
export async function unwatchPage({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }) {
  assertCan(actor, "page:watch");
  const { occupationCode } = parseOrThrow(ZWatchPageInputSchema, input);
  await consumeWatchAllowance(actor.userId, now);
  const { count } = await prisma.pageWatch.deleteMany({ where: { userId: actor.userId, occupationCode } });
  return { occupationCode, removed: count };
}
