import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleNarrative } from "@/lib/roles/role-page.types";
import { badgeLabel, findVerifiedBadges } from "@/lib/verifications/find-verified-badges";
import { findDisplayNames } from "./find-display-names";
import { NARRATIVE_PROMPTS, type TNarrativePromptKey } from "./narrative-prompts";
import { narrativeText } from "./narrative-text";

/**
 * Every published narrative of a role page, newest first, with its author's public name, verified-practitioner badges and public profile
 * (part of the one role view: the page, its Markdown and its JSON all show them).
 */
export async function findPublishedNarratives(occupationCode: string, slug: string): Promise<RoleNarrative[]> {
  const narratives = await prisma.submission.findMany({
    where: { occupationCode, kind: "NARRATIVE", status: "APPROVED" },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
    select: { id: true, narrativeHtml: true, authorId: true, yearsInRole: true, decidedAt: true, promptAnswers: true },
  });
  const authorIds = narratives.map((n) => n.authorId);
  const [names, badges] = await Promise.all([findDisplayNames(authorIds), findVerifiedBadges(authorIds)]);
  return narratives.map((n) => {
    const html = n.narrativeHtml ?? "";
    return {
      id: n.id,
      author: {
        name: names.get(n.authorId)?.displayName ?? "A practitioner",
        jobTitle: names.get(n.authorId)?.jobTitle ?? null,
        badges: (badges.get(n.authorId) ?? []).map(badgeLabel),
        profileHref: names.get(n.authorId)?.profileHref ?? null,
      },
      yearsInRole: n.yearsInRole,
      title: n.yearsInRole === null ? "A practitioner's account" : `${n.yearsInRole} ${n.yearsInRole === 1 ? "year" : "years"} in the role`,
      publishedAt: (n.decidedAt ?? new Date(0)).toISOString(),
      html,
      text: narrativeText(html),
      answers: Object.entries((n.promptAnswers ?? {}) as Record<string, string>).map(([key, text]) => ({ key, prompt: NARRATIVE_PROMPTS[key as TNarrativePromptKey] ?? key, text })),
      href: `/roles/${slug}#narrative-${n.id}`,
    };
  });
}
