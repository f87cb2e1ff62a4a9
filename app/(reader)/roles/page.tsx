import type { Metadata } from "next";
import { NotIndexed } from "@/components/ui/not-indexed";
import Link from "next/link";
import { BrowseFilters, browseHref, Pagination, SORT_LABELS } from "@/components/browse/browse-filters";
import { RoleTable } from "@/components/browse/role-table";
import { browseList, browseRoles } from "@/lib/roles/browse-roles";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { BROWSE_PAGE_SIZE, ZBrowsePageParamsSchema } from "@/lib/roles/browse-roles.types";
import { BRIGHT_OUTLOOK_CRITERIA } from "@/lib/roles/bright-outlook";
import { findLeftRoleSummariesCached, findPayStatesCached, findRoleSummariesCached, findStatePayCached } from "@/lib/roles/cached-role-summaries";
import { withStatePay } from "@/lib/roles/state-pay-summaries";
import { formatCount, formatDollars } from "@/lib/roles/format-figures";
import { majorGroupName } from "@/lib/roles/soc-major-groups";
import { describeInterestCode } from "@/lib/interests/riasec";

export const metadata: Metadata = { title: "Browse careers", alternates: { canonical: "/roles" } };

interface BrowsePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /roles: every career, filtered by SOC major group, job zone, Bright Outlook and minimum
 * median pay, sorted by pay, growth or openings, 50 a page; `?state=CA` uses that state's pay. The current O*NET release's
 * careers, or with `?status=left` those that left it (their pages stay). The list comes from Next's data cache, so a
 * view reads no database; bad parameters get a message, not an error page.
 */
export default async function BrowsePage({ searchParams }: BrowsePageProps) {
  const parsed = parsePageSearchParams(ZBrowsePageParamsSchema, await searchParams);
  if (!parsed.success) {
    return (
      <>
        <h1>Browse careers</h1>
        <NotIndexed />
        <div role="alert" className="notice">
          <p>This list cannot be shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}</p>
          <p>
            <Link href="/roles">Show all careers</Link>
          </p>
        </div>
      </>
    );
  }
  const params = parsed.data;
  const [current, left, states, statePay] = await Promise.all([
    findRoleSummariesCached(),
    findLeftRoleSummariesCached(),
    findPayStatesCached(),
    params.state ? findStatePayCached(params.state) : null,
  ]);
  const summaries = browseList({ current, left: left.roles }, params);
  const result = browseRoles(statePay ? withStatePay(summaries, statePay) : summaries, params, BROWSE_PAGE_SIZE);
  const groups = [...new Set(summaries.map((role) => role.majorGroup))].sort();
  const leftCount = left.roles.length;
  const release = left.onetVersion ? `O*NET ${left.onetVersion}` : "the current O*NET release";

  return (
    <>
      <h1>Browse careers</h1>
      <BrowseFilters action="/roles" params={params} groups={groups} label="Filter and sort careers" states={states} />
      {params.state && !statePay && (
        <p role="alert" className="notice">
          BLS publishes no pay for the state “{params.state}”, so the national figures are used.
        </p>
      )}
      <p className="muted">
        Bright Outlook: projected to grow {BRIGHT_OUTLOOK_CRITERIA.growthPercent} % or more, or to have {formatCount(BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod)} or
        more openings, over the BLS projections period (O*NET&apos;s criteria). Pay, growth and openings use the occupation&apos;s own SOC code, else its
        smallest published SOC group, as the role pages do.
        {statePay && ` Pay is OEWS ${statePay.referencePeriod} for ${statePay.name}; a career BLS publishes no figure for there shows a dash.`}
      </p>

      <h2 id="results">
        {formatCount(result.total)} career{result.total === 1 ? "" : "s"}
        {params.status === "left" ? ` no longer in ${release}` : ""}
        {params.group ? ` in ${majorGroupName(params.group)}` : ""}
        {params.minPay !== undefined ? `, median pay ${formatDollars(params.minPay)} or more${statePay ? ` in ${statePay.name}` : ""}` : ""}
      </h2>
      {params.status === "left" ? (
        <p>
          Careers no longer in {release}: each page stays, marked, with the official data of the last release that lists it and links to its
          successors. <Link href={browseHref("/roles", { ...params, status: undefined }, 1)}>Show the current careers</Link>
        </p>
      ) : (
        leftCount > 0 && (
          <p>
            {formatCount(leftCount)} career{leftCount === 1 ? "" : "s"} left {release} and {leftCount === 1 ? "is" : "are"} not listed here.{" "}
            <Link href={browseHref("/roles", { ...params, status: "left" }, 1)}>Show the careers that left</Link>
          </p>
        )
      )}
      {params.interest && (
        <p>
          {describeInterestCode(params.interest)} by their O*NET interest scores (the two highest of the six areas).{" "}
          <Link href={browseHref("/roles", { ...params, interest: undefined }, 1)}>Show careers of every interest</Link> ·{" "}
          <Link href="/interests">Find your own interests</Link>
        </p>
      )}
      {result.total === 0 ? (
        <p>No career matches these filters.</p>
      ) : params.page > result.pageCount ? (
        <p role="alert">
          <NotIndexed />
          There is no page {params.page}: this list has {result.pageCount} page{result.pageCount === 1 ? "" : "s"}.{" "}
          <Link href={browseHref("/roles", params, 1)}>Go to page 1</Link>
        </p>
      ) : (
        <>
          <RoleTable roles={result.roles} caption={`Careers, sorted by ${SORT_LABELS[params.sort].toLowerCase()}`} payArea={statePay?.name} />
          <Pagination href={(page) => browseHref("/roles", params, page)} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </>
  );
}
