import "server-only";
import { FIELD_LABELS } from "@/lib/community/fields";
import { findDisplayNames } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import { badgeLabel, findVerifiedBadges } from "@/lib/verifications/find-verified-badges";

/** What anyone may read about a contributor: their choice (Profile's switches), never their email or evidence. */
export interface PublicProfile {
  number: number;
  displayName: string;
  /** Running verified-practitioner badges: always shown. */
  badges: { label: string; occupationCode: string }[];
  /** Null when the person keeps it private. */
  jobTitle: string | null;
  yearsExperience: number | null;
  occupations: { code: string; title: string; slug: string }[] | null;
  contributions: { label: string; occupationTitle: string; href: string; publishedAt: Date }[] | null;
}

/** What the profile form's switches say, and their defaults for someone who never set them. */
export interface ProfileVisibility {
  publicPage: boolean;
  showJobTitle: boolean;
  showYears: boolean;
  showOccupations: boolean;
  showApproved: boolean;
}

export const DEFAULT_VISIBILITY: ProfileVisibility = { publicPage: true, showJobTitle: false, showYears: false, showOccupations: false, showApproved: false };

const CONTRIBUTIONS_SHOWN = 50;

/**
 * A contributor's public profile by their stable number (/people/<number>): null for an unknown
 * number, a deleted account, or a person who turned their page off. Reads no session, so the
 * page is cached like the role pages (revalidated when the profile or a verification changes).
 */
export async function getPublicProfile({ number, now = new Date() }: { number: number; now?: Date }): Promise<PublicProfile | null> {
  const user = await prisma.user.findUnique({
    where: { number },
    select: {
      id: true,
      deletedAt: true,
      profile: { select: { jobTitle: true, yearsExperience: true, publicPage: true, showJobTitle: true, showYears: true, showOccupations: true, showApproved: true, occupations: { select: { occupationCode: true } } } },
    },
  });
  if (!user || user.deletedAt) return null;
  const visibility: ProfileVisibility = user.profile ?? DEFAULT_VISIBILITY;
  if (!visibility.publicPage) return null;
  const [names, badges] = await Promise.all([findDisplayNames([user.id]), findVerifiedBadges([user.id], now)]);
  const occupationCodes = visibility.showOccupations ? (user.profile?.occupations.map((o) => o.occupationCode) ?? []) : [];
  const [occupations, contributions] = await Promise.all([
    occupationCodes.length ? prisma.occupation.findMany({ where: { code: { in: occupationCodes } }, select: { code: true, title: true, slug: true }, orderBy: { title: "asc" } }) : [],
    visibility.showApproved ? findApprovedContributions(user.id) : null,
  ]);
  return {
    number,
    displayName: names.get(user.id)?.displayName ?? "",
    badges: (badges.get(user.id) ?? []).map((badge) => ({ label: badgeLabel(badge), occupationCode: badge.occupationCode })),
    jobTitle: visibility.showJobTitle ? (user.profile?.jobTitle ?? null) : null,
    yearsExperience: visibility.showYears ? (user.profile?.yearsExperience ?? null) : null,
    occupations: visibility.showOccupations ? occupations : null,
    contributions,
  };
}

/** Approved contributions still on the pages, newest first, each linked to where it shows (a narrative's anchor, a correction's revision). */
async function findApprovedContributions(userId: string): Promise<NonNullable<PublicProfile["contributions"]>> {
  const rows = await prisma.submission.findMany({
    where: { authorId: userId, status: "APPROVED" },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
    take: CONTRIBUTIONS_SHOWN,
    select: { id: true, kind: true, field: true, occupationCode: true, decidedAt: true, revisions: { where: { kind: "APPROVAL" }, select: { number: true }, take: 1 } },
  });
  const occupations = new Map(
    (await prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true, slug: true } })).map((o) => [o.code, o]),
  );
  return rows.flatMap((row) => {
    const occupation = occupations.get(row.occupationCode);
    if (!occupation) return [];
    const revision = row.revisions[0]?.number;
    return [
      {
        label: row.kind === "NARRATIVE" ? "Narrative" : `Correction: ${FIELD_LABELS[row.field ?? "DESCRIPTION"]}`,
        occupationTitle: occupation.title,
        href: row.kind === "NARRATIVE" ? `/roles/${occupation.slug}#narrative-${row.id}` : `/roles/${occupation.slug}/history${revision ? `#r${revision}` : ""}`,
        publishedAt: row.decidedAt ?? new Date(0),
      },
    ];
  });
}
