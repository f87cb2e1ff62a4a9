import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { findPeople } from "@/lib/people/find-people";
import { ZFindPeopleQuerySchema } from "@/lib/people/find-people.types";
import { describeSuspensionEnd } from "@/lib/people/suspension";
import { DateTime } from "@/components/ui/date-time";
import { CellLabel } from "@/components/ui/stack-table";

export const metadata: Metadata = { title: "People", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("people:view", "/moderation/people");
  const parsed = parsePageSearchParams(ZFindPeopleQuerySchema, await searchParams);
  const query = parsed.data ?? { page: 1 };
  const result = await findPeople({ actor, query });
  const pageLink = (page: number) => `/moderation/people?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <>
      <h1>People</h1>
      {!parsed.success && (
        <p role="alert" className="error">
          This search cannot be used, so every account is shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      )}
      <form method="get" className="subnav" aria-label="Find people">
        <label>
          Name or email <input name="q" type="search" defaultValue={query.q} size={30} />
        </label>
        <button type="submit">Find</button>
      </form>
      <p data-testid="people-count">
        {result.total} {result.total === 1 ? "account" : "accounts"}
        {query.q ? ` match “${query.q}”` : ""}, newest first. Page {result.page} of {result.pageCount}.
      </p>
      <table className="table stack-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            <th scope="col">Last active</th>
            <th scope="col">Approved</th>
            <th scope="col">Declined</th>
            <th scope="col">Pending</th>
            <th scope="col">Reported</th>
            <th scope="col">Verifications</th>
          </tr>
        </thead>
        <tbody>
          {result.people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Link href={`/moderation/people/${person.id}`}>{person.name}</Link>
                {person.suspension && <span className="status"> suspended {describeSuspensionEnd(person.suspension.until)}</span>}
              </th>
              <td className="code">
                <CellLabel>Email</CellLabel>
                {person.email}
              </td>
              <td>
                <CellLabel>Role</CellLabel>
                {person.role.toLowerCase()}
              </td>
              <td>
                <CellLabel>Joined</CellLabel>
                <DateTime value={person.joined} precision="date" />
              </td>
              <td>
                <CellLabel>Last active</CellLabel>
                {person.lastActive ? <DateTime value={person.lastActive} precision="date" /> : "never signed in"}
              </td>
              <td>
                <CellLabel>Approved</CellLabel>
                {person.contributions.approved}
              </td>
              <td>
                <CellLabel>Declined</CellLabel>
                {person.contributions.declined}
              </td>
              <td>
                <CellLabel>Pending</CellLabel>
                {person.contributions.pending}
              </td>
              <td>
                <CellLabel>Reported</CellLabel>
                {person.contributions.reported}
              </td>
              <td data-testid="person-verifications">
                <CellLabel>Verifications</CellLabel>
                {[...person.verifications.verified.map((title) => `Verified: ${title}`), ...(person.verifications.pending ? [`${person.verifications.pending} pending`] : [])].join("; ")}
                {person.verifications.pending > 0 && (
                  <>
                    {" "}
                    <Link href="/moderation/verifications">review</Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pagination" aria-label="Pages">
        {result.page > 1 && <Link href={pageLink(result.page - 1)}>Previous page</Link>}
        {result.page < result.pageCount && <Link href={pageLink(result.page + 1)}>Next page</Link>}
      </nav>
    </>
  );
}
