import Link from "next/link";
import type { RoleNarrative } from "@/lib/roles/role-page.types";

export interface InsideThisCareerProps {
  roleTitle: string;
  slug: string;
  /** Practitioners' accounts from the community layer; empty until it exists. */
  narratives: readonly RoleNarrative[];
}

/**
 * "Inside this career": what people who do the work say about it. The community layer
 * supplies the narratives; with none yet, the section invites the first one.
 */
export function InsideThisCareer({ roleTitle, slug, narratives }: InsideThisCareerProps) {
  const contribute = `/contribute/narrative?role=${encodeURIComponent(slug)}`;
  return (
    <section aria-labelledby="inside-this-career" className="role-section inside-this-career">
      <h2 id="inside-this-career">Inside this career</h2>
      {narratives.length === 0 ? (
        <p>No one who does this work has described it here yet. The official data above says what the job involves; only the people in it can say what it is like.</p>
      ) : (
        <ul className="narratives">
          {narratives.map((narrative) => (
            <li key={narrative.id}>
              <Link href={narrative.href}>{narrative.title}</Link> <span className="muted">by {narrative.authorName}</span>
              <p>{narrative.excerpt}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="call-to-action">
        <strong>Work {workAsPhrase(roleTitle)}?</strong> <Link href={contribute}>Share what the job is really like</Link>
      </p>
    </section>
  );
}

/**
 * "as a Test Widget Engineer" from O*NET's plural title when it names one kind of worker;
 * titles that list several ("Buyers and Purchasing Agents", "Cooks, Fast Food") are
 * quoted as they are.
 */
function workAsPhrase(title: string): string {
  if (/,| and | or |\//.test(title) || !/s$/.test(title)) return `in this career (${title})`;
  const singular = title.replace(/ies$/, "y").replace(/(ss|sh|ch|x)es$/, "$1").replace(/([^s])s$/, "$1");
  return `as ${/^[AEIOU]/i.test(singular) ? "an" : "a"} ${singular}`;
}
