import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { PublicProfile } from "@/lib/profiles/get-public-profile";
import { PractitionerBadges } from "./practitioner-badges";

/** A contributor's public profile: the /people/<number> page, and its preview on /profile. */
export function PublicProfileView({ profile, headingLevel = 1 }: { profile: PublicProfile; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  return (
    <article data-testid="public-profile">
      <Heading>{profile.displayName}</Heading>
      <PractitionerBadges badges={profile.badges.map((badge) => badge.label)} />
      {(profile.jobTitle || profile.yearsExperience !== null) && (
        <p>{[profile.jobTitle, profile.yearsExperience !== null ? `${profile.yearsExperience} ${profile.yearsExperience === 1 ? "year" : "years"} of experience` : null].filter(Boolean).join(" · ")}</p>
      )}
      {profile.occupations && profile.occupations.length > 0 && (
        <>
          <Sub>Occupations</Sub>
          <ul>
            {profile.occupations.map((o) => (
              <li key={o.code}>
                <Link href={`/roles/${o.slug}`}>{o.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.contributions && (
        <>
          <Sub>Approved contributions</Sub>
          {profile.contributions.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul>
              {profile.contributions.map((c) => (
                <li key={c.href}>
                  <Link href={c.href}>
                    {c.label}, {c.occupationTitle}
                  </Link>{" "}
                  <span className="hint">
                    <DateTime value={c.publishedAt} precision="date" />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
