import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { onetSocCodeAtLineStart } from "@/lib/validation/onet-soc-code";
import { pagesShowingPerson } from "./pages-showing-person";
import type { TSector } from "./profile-fields";

/** What a person says about themselves (already parsed at the edge: ZUpdateProfileInputSchema). */
export interface ProfileChanges {
  displayName: string;
  jobTitle: string;
  /** Each a code ("15-1252.00", optionally followed by its title) or an exact title. */
  occupations: string[];
  yearsExperience: number;
  sector: TSector;
  region: string | null;
  bio: string | null;
}

export interface UpdateProfileOptions {
  actor: Actor;
  data: ProfileChanges;
}

export interface UpdatedProfile {
  displayName: string;
  occupations: { code: string; title: string }[];
  /** The roles whose pages show this person's name and job title over a published narrative (to revalidate). */
  rolesShowingAuthor: string[];
  /** The person's number: their public profile (/people/<number>) shows the display name. */
  personNumber: number;
}

/**
 * Saves the actor's own profile: resolves the occupations against the Occupation table
 * (unknown ones are a field error naming them), then writes the profile, its occupations
 * and the user's display name in one transaction.
 */
export async function updateProfile({ actor, data }: UpdateProfileOptions): Promise<UpdatedProfile> {
  assertCan(actor, "profile:edit-own");
  const occupations = await resolveOccupations(data.occupations);
  const { rolesShowingPerson, personNumber } = await prisma.$transaction(async (tx) => {
    const fields = {
      displayName: data.displayName,
      jobTitle: data.jobTitle,
      yearsExperience: data.yearsExperience,
      sector: data.sector,
      region: data.region,
      bio: data.bio,
    };
    await tx.profile.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, ...fields }, update: fields });
    await tx.profileOccupation.deleteMany({ where: { userId: actor.userId } });
    await tx.profileOccupation.createMany({ data: occupations.map((o) => ({ userId: actor.userId, occupationCode: o.code })) });
    // The display name is what the header and attributions show.
    await tx.user.update({ where: { id: actor.userId }, data: { name: data.displayName } });
    return pagesShowingPerson(tx, actor.userId);
  });
  return { displayName: data.displayName, occupations, rolesShowingAuthor: rolesShowingPerson, personNumber };
}

async function resolveOccupations(entries: string[]): Promise<{ code: string; title: string }[]> {
  const codes = new Set<string>();
  const titles = new Map<string, string>(); // lower-cased title → as entered
  for (const entry of entries) {
    const code = onetSocCodeAtLineStart(entry);
    if (code) codes.add(code);
    else titles.set(entry.toLowerCase(), entry);
  }
  const found = await prisma.occupation.findMany({
    where: {
      OR: [
        { code: { in: [...codes] } },
        ...[...titles.values()].map((title) => ({ title: { equals: title, mode: "insensitive" as const } })),
      ],
    },
    select: { code: true, title: true },
  });
  const byCode = new Map(found.map((o) => [o.code, o]));
  const byTitle = new Map(found.map((o) => [o.title.toLowerCase(), o]));
  const unknown = [
    ...[...codes].filter((code) => !byCode.has(code)),
    ...[...titles].filter(([key]) => !byTitle.has(key)).map(([, entered]) => entered),
  ];
  if (unknown.length > 0) {
    throw new AppError("INVALID_INPUT", undefined, {
      occupations: unknown.map((entry) => `“${entry}” is not an occupation in Careerwiki. Use its O*NET-SOC code (e.g. 15-1252.00) or its exact title.`),
    });
  }
  const resolved = new Map<string, { code: string; title: string }>();
  for (const code of codes) resolved.set(code, byCode.get(code)!);
  for (const key of titles.keys()) {
    const occupation = byTitle.get(key)!;
    resolved.set(occupation.code, occupation);
  }
  return [...resolved.values()].sort((a, b) => a.code.localeCompare(b.code));
}
