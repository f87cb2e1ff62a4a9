import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/auth/actor";

export interface OwnProfile {
  email: string;
  displayName: string;
  jobTitle: string;
  yearsExperience: number | null;
  sector: string;
  region: string;
  bio: string;
  occupations: { code: string; title: string }[];
  /** False until the person first saves the profile. */
  saved: boolean;
}

/** The actor's own profile for the edit form (empty fields when not saved yet). */
export async function getOwnProfile({ actor }: { actor: Actor }): Promise<OwnProfile> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      email: true,
      name: true,
      profile: {
        select: {
          displayName: true,
          jobTitle: true,
          yearsExperience: true,
          sector: true,
          region: true,
          bio: true,
          occupations: { select: { occupationCode: true } },
        },
      },
    },
  });
  const codes = user.profile?.occupations.map((o) => o.occupationCode) ?? [];
  const occupations = codes.length
    ? await prisma.occupation.findMany({ where: { code: { in: codes } }, select: { code: true, title: true }, orderBy: { code: "asc" } })
    : [];
  return {
    email: user.email,
    displayName: user.profile?.displayName ?? user.name ?? "",
    jobTitle: user.profile?.jobTitle ?? "",
    yearsExperience: user.profile?.yearsExperience ?? null,
    sector: user.profile?.sector ?? "",
    region: user.profile?.region ?? "",
    bio: user.profile?.bio ?? "",
    occupations,
    saved: user.profile !== null,
  };
}
