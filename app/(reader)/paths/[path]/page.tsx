import type { Metadata } from "next";
import { NotIndexed } from "@/components/ui/not-indexed";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrowseFilters, browseHref, Pagination, SORT_LABELS } from "@/components/browse/browse-filters";
import { RoleTable } from "@/components/browse/role-table";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { CAREER_PATH_TITLES } from "@/lib/paths/career-paths";
import { findPathRoles } from "@/lib/paths/find-path-roles";
import { browseRoles } from "@/lib/roles/browse-roles";
import { BROWSE_PAGE_SIZE, ZPathPageParamsSchema } from "@/lib/roles/browse-roles.types";
import { findAllOccupationsFiguresCached, findRoleSummariesCached } from "@/lib/roles/cached-role-summaries";
import { formatCount } from "@/lib/roles/format-figures";

interface PathPageProps {
  params: Promise<{ path: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PathPageProps): Promise<Metadata> {
  const { path } = await params;
  const title = new Map(Object.entries(CAREER_PATH_TITLES)).get(path);
  return title ? { title: `${title} · Career paths`, alternates: { canonical: `/paths/${path}` } } : {};
}

/**
 * /paths/<path>: the careers a rule selects, with browse's filters, sorts and pages. The
 * lists come from Next's data cache, so a view reads no database.
 */
export default async function PathPage({ params, searchParams }: PathPageProps) {
  const { path: slug } = await params;
  const [summaries, all] = await Promise.all([findRoleSummariesCached(), findAllOccupationsFiguresCached()]);
  const found = findPathRoles(summaries, all, slug);
  if (!found) notFound();
  const { path, roles } = found;
  const base = `/paths/${path.slug}`;
  const raw = await searchParams;
  const parsed = parsePageSearchParams(ZPathPageParamsSchema, { sort: path.defaultSort, ...raw });
  const heading = (
    <>
      <p className="muted">
        <Link href="/paths">Career paths</Link>
      </p>
      <h1>{path.title}</h1>
      <p>
        <strong>Rule:</strong> {path.rule}
      </p>
    </>
  );
  if (!parsed.success) {
    return (
      <>
        {heading}
        <NotIndexed />
        <div role="alert" className="notice">
          <p>This list cannot be shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}</p>
          <p>
            <Link href={base}>Show the whole list</Link>
          </p>
        </div>
      </>
    );
  }
  const query = parsed.data;
  const result = browseRoles(roles, query, BROWSE_PAGE_SIZE);
  const groups = [...new Set(roles.map((role) => role.majorGroup))].sort();
  const href = (page: number) => browseHref(base, query, page, path.defaultSort);
  return (
    <>
      {heading}
      {path.matches === null && (
        <p role="alert" className="notice">
          The figures this rule compares against are not imported, so the list is empty.
        </p>
      )}
      <BrowseFilters action={base} params={query} groups={groups} label={`Filter and sort: ${path.title}`} />
      <h2 id="results">
        {formatCount(result.total)} career{result.total === 1 ? "" : "s"} of {formatCount(roles.length)} on this path
      </h2>
      {result.total === 0 ? (
        <p>No career on this path matches these filters.</p>
      ) : query.page > result.pageCount ? (
        <p role="alert">
          <NotIndexed />
          There is no page {query.page}: this list has {result.pageCount} page{result.pageCount === 1 ? "" : "s"}. <Link href={href(1)}>Go to page 1</Link>
        </p>
      ) : (
        <>
          <RoleTable roles={result.roles} caption={`${path.title}, sorted by ${SORT_LABELS[query.sort].toLowerCase()}`} />
          <Pagination href={href} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </>
  );
}
