import Link from "next/link";
import { connection } from "next/server";
import { RoleTable } from "@/components/browse/role-table";
import { SearchBox } from "@/components/search/search-box";
import { CAREER_PATH_SLUGS, CAREER_PATH_TITLES } from "@/lib/paths/career-paths";
import { countByMajorGroup, topRoles } from "@/lib/roles/browse-roles";
import { findRoleSummariesCached } from "@/lib/roles/cached-role-summaries";
import { formatCount } from "@/lib/roles/format-figures";
import { majorGroupName } from "@/lib/roles/soc-major-groups";

// Not prerendered (the build has no database); the figures come from Next's data cache,
// so a view does not read the database. The import invalidates the "roles" tag.
export default async function HomePage() {
  await connection();
  const roles = await findRoleSummariesCached();
  const groups = countByMajorGroup(roles);
  const fastest = topRoles(roles, "growth", 10);
  const bestPaid = topRoles(roles, "pay", 10);
  return (
    <>
      <h1>Careers</h1>
      <p className="muted">{formatCount(roles.length)} occupations from the official O*NET database, with BLS pay and projections.</p>
      <SearchBox label="Find a career by title, another name for it, or what the work involves" variant="hero" />

      <section aria-labelledby="groups">
        <h2 id="groups">Browse by occupation group</h2>
        <ul className="group-list">
          {groups.map(({ group, count }) => (
            <li key={group}>
              <Link href={`/roles?group=${group}`}>{majorGroupName(group)}</Link> <span className="muted">({formatCount(count)})</span>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/roles">All careers, with filters and sorting</Link>
        </p>
      </section>

      <section aria-labelledby="paths">
        <h2 id="paths">Where to start</h2>
        <ul>
          {CAREER_PATH_SLUGS.map((slug) => (
            <li key={slug}>
              <Link href={`/paths/${slug}`}>{CAREER_PATH_TITLES[slug]}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/paths">How these lists are chosen</Link> · <Link href="/interests">Find careers by interest</Link> ·{" "}
          <Link href="/earnings">Earnings over a career</Link>
        </p>
      </section>

      {fastest.length > 0 && (
        <section aria-labelledby="fastest">
          <h2 id="fastest">Fastest-growing careers</h2>
          <RoleTable roles={fastest} caption="The ten careers with the fastest projected growth" />
          <p>
            <Link href="/roles?sort=growth">All careers by projected growth</Link>
          </p>
        </section>
      )}
      {bestPaid.length > 0 && (
        <section aria-labelledby="best-paid">
          <h2 id="best-paid">Best-paid careers</h2>
          <RoleTable roles={bestPaid} caption="The ten careers with the highest median pay" />
          <p>
            <Link href="/roles?sort=pay">All careers by median pay</Link>
          </p>
        </section>
      )}
    </>
  );
}
