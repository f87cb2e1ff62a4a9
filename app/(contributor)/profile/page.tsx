import type { Metadata } from "next";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { getOwnProfile } from "@/lib/profiles/get-own-profile";
import { SECTORS } from "@/lib/profiles/profile-fields";
import { ProfileForm } from "./profile-form";
import type { TProfileFormState } from "./schema";

export const metadata: Metadata = { title: "Your profile", robots: { index: false } };

export default async function ProfilePage() {
  const actor = await requirePageActor("profile:edit-own", "/profile");
  const profile = await getOwnProfile({ actor });
  const initialState: TProfileFormState = {
    status: "idle",
    version: 0,
    values: {
      displayName: profile.displayName,
      jobTitle: profile.jobTitle,
      occupations: profile.occupations.map((o) => `${o.code} ${o.title}`).join("\n"),
      yearsExperience: profile.yearsExperience === null ? "" : String(profile.yearsExperience),
      sector: profile.sector,
      region: profile.region,
      bio: profile.bio,
    },
  };
  return (
    <>
      <h1>Your profile</h1>
      <p className="muted">
        Signed in as <strong>{profile.email}</strong>. What you enter here is shown next to the experiences you share, so readers
        know who is speaking. Your email address is never shown.
      </p>
      {!profile.saved && <p>Tell readers a little about your work before you contribute.</p>}
      <ProfileForm initialState={initialState} sectors={SECTORS} />
    </>
  );
}
