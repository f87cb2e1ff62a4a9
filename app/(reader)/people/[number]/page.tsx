import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PublicProfileView } from "@/components/community/public-profile";
import { parsePageParams } from "@/lib/http/request-params";
import { getPublicProfile } from "@/lib/profiles/get-public-profile";

// A reader page: no session or cookie is read, so it is cached like the role pages, rendered on
// first request and revalidated when the person changes their profile or a verification of
// theirs is decided or runs out (the expire-verifications job); within the hour otherwise.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ number: string }> };

/** The stable per-person number (User.number), never the account id or address. */
const ZPeopleParamsSchema = z.object({ number: z.string().regex(/^[1-9]\d{0,8}$/).transform(Number) });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = parsePageParams(ZPeopleParamsSchema, await params);
  const profile = await getPublicProfile({ number });
  return profile ? { title: profile.displayName, description: `${profile.displayName} on Careerwiki${profile.badges.length ? `: ${profile.badges.map((b) => b.label).join(", ")}` : ""}.` } : {};
}

export default async function PersonPage({ params }: Props) {
  const { number } = parsePageParams(ZPeopleParamsSchema, await params);
  const profile = await getPublicProfile({ number });
  if (!profile) notFound();
  return <PublicProfileView profile={profile} />;
}
