import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleNarrative } from "@/lib/roles/role-page.types";
import { FIELD_LABELS, parseStoredValue, type TCorrectionField, valueToText } from "./fields";
import { findDisplayNames } from "./find-display-names";
import { findOfficialValues } from "./official-values";

export interface CorrectedValue {
  field: TCorrectionField;
  fieldLabel: string;
  itemKey: string;
  /** What practitioners corrected it to ("" when they removed the item). */
  text: string;
  removed: boolean;
  /** The official value, one click away ("" when the official data has none). */
  officialText: string;
  revisionNumber: number;
}

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
  corrections: CorrectedValue[];
  narratives: PublishedNarrative[];
  /** The same narratives in the shape of the role page's "Inside this career" list (anchors to the full text). */
  narrativeSummaries: RoleNarrative[];
  latestRevisionNumber: number;
}

/**
 * The community layer of a role page: the approved corrections laid over official values
 * (each with its official value) and the published narratives. One call for the page.
 */
export async function getCommunityOverlay(occupationCode: string): Promise<CommunityOverlay> {
  const [values, narratives, latest] = await Promise.all([
    prisma.communityValue.findMany({ where: { occupationCode }, orderBy: [{ field: "asc" }, { revisionNumber: "asc" }] }),
    prisma.submission.findMany({
      where: { occupationCode, kind: "NARRATIVE", status: "APPROVED" },
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      take: 20,
      select: { id: true, narrativeHtml: true, authorId: true, yearsInRole: true, decidedAt: true, promptAnswers: true },
    }),
    prisma.revision.findFirst({ where: { occupationCode }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const official = values.length ? await findOfficialValues(occupationCode) : null;
  const names = await findDisplayNames(narratives.map((n) => n.authorId));
  const corrections = values
    .filter((row) => row.field !== "NARRATIVE")
    .map((row) => {
      const field = row.field as TCorrectionField;
      const officialText = field === "TASK" ? (official?.tasks.find((t) => t.itemKey === row.itemKey)?.statement ?? "") : valueToText(official?.[field] ?? null);
      return {
        field,
        fieldLabel: FIELD_LABELS[field],
        itemKey: row.itemKey,
        text: valueToText(parseStoredValue(field, row.value)),
        removed: row.removed,
        officialText,
        revisionNumber: row.revisionNumber,
      };
    });
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
    corrections,
    latestRevisionNumber: latest?.number ?? 0,
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
