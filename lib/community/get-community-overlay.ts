import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleNarrative } from "@/lib/roles/role-page.types";
import { findDisplayNames } from "./find-display-names";

export interface PublishedNarrative {
  id: string;
  html: string;
  displayName: string;
  jobTitle: string | null;
  yearsInRole: number | null;
  publishedAt: Date;
  answers: { key: string; text: string }[];
}

export interface CommunityOverlay {
  narratives: PublishedNarrative[];
  /** The same narratives in the shape of the role page's "Inside this career" list (anchors to the full text). */
  narrativeSummaries: RoleNarrative[];
}

/**
 * The published narratives of a role page (its approved corrections come with the page
 * itself: lib/community/find-role-corrections.ts).
 */
export async function getCommunityOverlay(occupationCode: string): Promise<CommunityOverlay> {
  const narratives = await prisma.submission.findMany({
    where: { occupationCode, kind: "NARRATIVE", status: "APPROVED" },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
    take: 20,
    select: { id: true, narrativeHtml: true, authorId: true, yearsInRole: true, decidedAt: true, promptAnswers: true },
  });
  const names = await findDisplayNames(narratives.map((n) => n.authorId));
  const published: PublishedNarrative[] = narratives.map((n) => ({
    id: n.id,
    html: n.narrativeHtml ?? "",
    displayName: names.get(n.authorId)?.displayName ?? "A practitioner",
    jobTitle: names.get(n.authorId)?.jobTitle ?? null,
    yearsInRole: n.yearsInRole,
    publishedAt: n.decidedAt ?? new Date(0),
    answers: Object.entries((n.promptAnswers ?? {}) as Record<string, string>).map(([key, text]) => ({ key, text })),
  }));
  return {
    narratives: published,
    narrativeSummaries: published.map((n) => ({
      id: n.id,
      authorName: n.displayName,
      title: n.yearsInRole === null ? "A practitioner's account" : `${n.yearsInRole} ${n.yearsInRole === 1 ? "year" : "years"} in the role`,
      excerpt: excerpt(n.html),
      href: `#narrative-${n.id}`,
    })),
  };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/** The first words of a narrative's sanitised HTML as plain text (React escapes it again when shown). */
function excerpt(html: string, max = 200): string {
  const text = html.replace(/<[^>]+>/g, " ").replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
