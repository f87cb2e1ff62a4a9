import "server-only";
import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db/prisma";

/**
 * After a change to a page's community layer commits: the role page, its JSON and Markdown
 * forms, its history and the recent-changes views are re-rendered on their next request
 * (on-demand ISR).
 */
export async function revalidateRole(occupationCode: string) {
  const occupation = await prisma.occupation.findUnique({ where: { code: occupationCode }, select: { slug: true } });
  if (occupation) {
    revalidatePath(`/roles/${occupation.slug}`);
    revalidatePath(`/roles/${occupation.slug}/history`);
    // /roles/<slug>.md is served by this route (a rewrite in next.config.js).
    revalidatePath(`/api/roles-markdown/${occupation.slug}`);
  }
  revalidatePath(`/api/roles/${occupationCode}`);
  revalidatePath("/changes");
  revalidatePath("/changes.atom");
}
