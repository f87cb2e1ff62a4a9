import "server-only";
import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db/prisma";

/**
 * After a change to a page's community layer commits: the role page, its JSON and Markdown
 * forms, its history and the recent-changes views are re-rendered on their next request
 * (on-demand ISR). Pass the slug the change's transaction read: then nothing here needs
 * the database, and a database that went away after the commit cannot stop it.
 */
export async function revalidateRole(occupationCode: string, slug?: string | null) {
  revalidatePath(`/api/roles/${occupationCode}`);
  revalidatePath("/changes");
  revalidatePath("/changes.atom");
  const pageSlug = slug === undefined ? (await prisma.occupation.findUnique({ where: { code: occupationCode }, select: { slug: true } }))?.slug : slug;
  if (pageSlug) {
    revalidatePath(`/roles/${pageSlug}`);
    revalidatePath(`/roles/${pageSlug}/history`);
    // /roles/<slug>.md is served by this route (a rewrite in next.config.js).
    revalidatePath(`/api/roles-markdown/${pageSlug}`);
  }
}
