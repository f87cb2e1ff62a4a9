import { unstable_cache } from "next/cache";
import Link from "next/link";
import { connection } from "next/server";
import { findRoles } from "@/lib/roles/find-roles";

// Not prerendered (the build has no database); the list itself comes from Next's data
// cache, so a view does not read the database. The import invalidates the "roles" tag.
const findRolesCached = unstable_cache(findRoles, ["home:roles"], { tags: ["roles"], revalidate: 3600 });

export default async function HomePage() {
  await connection();
  const roles = await findRolesCached();
  return (
    <>
      <h1>Careers</h1>
      <p className="muted">{roles.length.toLocaleString("en-US")} occupations from the official O*NET database.</p>
      <ul className="role-list">
        {roles.map((role) => (
          <li key={role.code}>
            <Link href={`/roles/${role.slug}`}>{role.title}</Link> <span className="muted code">{role.code}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
