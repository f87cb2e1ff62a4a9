import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { findPathRoles } from "@/lib/paths/find-path-roles";
import { CAREER_PATH_SLUGS } from "@/lib/paths/career-paths";
import { findAllOccupationsFiguresCached, findRoleSummariesCached } from "@/lib/roles/cached-role-summaries";
import { formatCount } from "@/lib/roles/format-figures";

export const metadata: Metadata = { title: "Career paths", alternates: { canonical: "/paths" } };

/**
 * /paths: the rule-based lists, each with its rule and how many careers it selects. The
 * figures come from Next's data cache (no database read per view).
 */
export default async function PathsPage() {
  await connection();
  const [summaries, all] = await Promise.all([findRoleSummariesCached(), findAllOccupationsFiguresCached()]);
  return (
    <>
      <h1>Career paths</h1>
      <p>
        Lists chosen by a rule from the official figures, not by hand: BLS Employment Projections (typical entry education, experience, training
        and growth) and OEWS pay. Each list states its rule; a career that BLS gives no figure for is left out rather than guessed.
      </p>
      <ul>
        {CAREER_PATH_SLUGS.map((slug) => {
          const found = findPathRoles(summaries, all, slug)!;
          return (
            <li key={slug}>
              <h2>
                <Link href={`/paths/${slug}`}>{found.path.title}</Link> <span className="muted">({formatCount(found.roles.length)} careers)</span>
              </h2>
              <p>{found.path.rule}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
