import type { Metadata } from "next";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import Link from "next/link";
import { PublicProfileView } from "@/components/community/public-profile";
import { ActionForm } from "@/components/ui/action-form";
import { publicProfilePath } from "@/lib/community/find-display-names";
import { getOwnProfile } from "@/lib/profiles/get-own-profile";
import { getOwnPublicProfile } from "@/lib/profiles/get-own-public-profile";
import { SECTORS } from "@/lib/profiles/profile-fields";
import { updateProfileVisibilityAction } from "./actions";
import { ProfileForm } from "./profile-form";
import type { TProfileFormState } from "./schema";

export const metadata: Metadata = { title: "Your profile", robots: { index: false } };

export default async function ProfilePage() {
  const actor = await requirePageActor("profile:edit-own", "/profile");
  const [profile, publicProfile] = await Promise.all([getOwnProfile({ actor }), getOwnPublicProfile({ actor })]);
  const { visibility } = publicProfile;
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

      <section aria-labelledby="public-heading">
        <h2 id="public-heading">Your public profile</h2>
        <p>
          Anyone can read <Link href={publicProfilePath(publicProfile.number)}>{publicProfilePath(publicProfile.number)}</Link> while it is on. It always shows your display name and your
          verified-practitioner badges (<Link href="/me/verifications">ask to be verified</Link>); tick what else it shows. Your email address and your evidence are never shown.
        </p>
        {publicProfile.saved ? (
          <ActionForm action={updateProfileVisibilityAction} label="Public profile">
            <fieldset>
              <legend>What the public profile shows</legend>
              <label>
                <input type="checkbox" name="publicPage" defaultChecked={visibility.publicPage} /> Show my public profile at all
              </label>
              <br />
              <label>
                <input type="checkbox" name="showJobTitle" defaultChecked={visibility.showJobTitle} /> Show my job title
              </label>
              <br />
              <label>
                <input type="checkbox" name="showYears" defaultChecked={visibility.showYears} /> Show my years of experience
              </label>
              <br />
              <label>
                <input type="checkbox" name="showOccupations" defaultChecked={visibility.showOccupations} /> Show the occupations I have worked in
              </label>
              <br />
              <label>
                <input type="checkbox" name="showApproved" defaultChecked={visibility.showApproved} /> Show my approved contributions, with links
              </label>
            </fieldset>
            <button type="submit">Save what is public</button>
          </ActionForm>
        ) : (
          <p>Save your profile above first: the public page shows its display name.</p>
        )}
        <h3>Preview</h3>
        <div className="current-value" data-testid="public-profile-preview">
          {publicProfile.preview ? <PublicProfileView profile={publicProfile.preview} headingLevel={2} /> : <p>Your public profile is off: its address answers “not found”.</p>}
        </div>
      </section>
    </>
  );
}
