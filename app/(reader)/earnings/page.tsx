import type { Metadata } from "next";
import { NotIndexed } from "@/components/ui/not-indexed";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StateSelect } from "@/components/browse/state-select";
import { EarningsChart, formatShortDollars } from "@/components/earnings/earnings-chart";
import { SearchBox } from "@/components/search/search-box";
import { CellLabel } from "@/components/ui/stack-table";
import { computeEarnings, END_AGE, START_AGE, type EarningsCareer } from "@/lib/earnings/compute-earnings";
import { EARNINGS_SECTORS, MAX_EARNINGS_ROLES, ZEarningsAddQuerySchema, ZEarningsQuerySchema, type TEarningsQuery } from "@/lib/earnings/compute-earnings.types";
import { earningsSearchParams } from "@/lib/earnings/earnings-search-params";
import { EDUCATION_PLANS } from "@/lib/earnings/education-years";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { findEducationCostTableCached, findPayStatesCached, findRoleSummariesCached, findStatePayCached } from "@/lib/roles/cached-role-summaries";
import { searchRoles } from "@/lib/roles/search-roles";
import { withStatePay } from "@/lib/roles/state-pay-summaries";
import { formatDollars } from "@/lib/roles/format-figures";

export const metadata: Metadata = { title: "Earnings over a career", alternates: { canonical: "/earnings" } };

const SECTOR_LABELS: Record<(typeof EARNINGS_SECTORS)[number], string> = {
  public: "Public (in-state tuition)",
  "private-nonprofit": "Private nonprofit",
  "for-profit": "For-profit",
};
const TABLE_AGES = [18, 20, 22, 25, 30, 35, 40, 45, 50, 55, 60, 65];

interface EarningsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /earnings?roles=a,b,c: cumulative earnings minus education cost by age. Everything comes
 * from Next's data cache (role summaries, the NCES table); the query only chooses and
 * computes, so a view reads no database. Shareable: the whole view is in the address.
 */
export default async function EarningsPage({ searchParams }: EarningsPageProps) {
  const raw = await searchParams;
  // A career typed into the career box and sent without JavaScript: the best match joins the others.
  const adding = raw.add !== undefined ? parsePageSearchParams(ZEarningsAddQuerySchema, raw) : null;
  let addMessage: string | null = adding && !adding.success ? (adding.error.issues[0]?.message ?? null) : null;
  if (adding?.success) {
    const roles = adding.data.roles ?? [];
    const added = roles.length < MAX_EARNINGS_ROLES ? (await searchRoles({ query: adding.data.add, limit: 1 }))[0] : undefined;
    if (added) redirect(`/earnings?${keptParams(raw, [...roles, added.slug])}`);
    addMessage = roles.length >= MAX_EARNINGS_ROLES ? `Choose at most ${MAX_EARNINGS_ROLES} careers: remove one first.` : `No career matches “${adding.data.add}”.`;
  }
  const parsed = parsePageSearchParams(ZEarningsQuerySchema, raw);
  const query: TEarningsQuery | null = parsed.success ? parsed.data : null;
  const [summaries, costs, states, statePay] = await Promise.all([
    findRoleSummariesCached(),
    findEducationCostTableCached(),
    findPayStatesCached(),
    query?.state ? findStatePayCached(query.state) : null,
  ]);
  const result = query ? computeEarnings(statePay ? withStatePay(summaries, statePay) : summaries, costs, query) : null;
  const chosen = query?.roles ?? (adding?.success ? (adding.data.roles ?? []) : []);
  const titles = new Map(summaries.map((role) => [role.slug, role.title]));
  const shown = result?.careers ?? [];
  const keep = keptChoices(raw);

  return (
    <>
      <h1>Earnings over a career</h1>
      <p className="notice">
        An illustration, not a forecast: it is built from BLS&apos;s pay distribution for each career (the median, or the 25th and 75th percentiles), not
        from pay measured by age or years of experience, which BLS does not publish. Every assumption is stated below and most can be changed.
      </p>

      {addMessage && <p role="alert">{addMessage}</p>}
      {query?.state && !statePay && <p role="alert">BLS publishes no pay for the state “{query.state}”, so the national figures are used.</p>}
      {!parsed.success && raw.roles !== undefined && !(addMessage && chosen.length === 0) && (
        <div role="alert" className="notice">
          <NotIndexed />
          <p>This view cannot be shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}</p>
        </div>
      )}
      {result && result.unknown.length > 0 && <NotIndexed />}
      {result && result.unknown.length > 0 && <p role="alert">No career has the address {result.unknown.map((slug) => `“${slug}”`).join(", ")}.</p>}
      {result && result.withoutPay.length > 0 && (
        <p role="alert">
          BLS publishes no median pay{statePay ? ` in ${statePay.name}` : ""} for {result.withoutPay.map((role) => role.title).join(", ")}, so it is left out of the chart.
        </p>
      )}

      <section aria-labelledby="earnings-careers-chosen">
        <h2 id="earnings-careers-chosen">Careers (up to {MAX_EARNINGS_ROLES})</h2>
        {chosen.length > 0 && (
          <ul>
            {chosen.map((slug) => (
              <li key={slug}>
                {titles.get(slug) ?? slug}{" "}
                <Link
                  href={`/earnings?${keptParams(raw, chosen.filter((other) => other !== slug))}`}
                  className="hint remove-link"
                  aria-label={`Remove ${titles.get(slug) ?? slug} from the earnings view`}
                >
                  Remove
                </Link>
              </li>
            ))}
          </ul>
        )}
        {chosen.length < MAX_EARNINGS_ROLES && (
          <SearchBox label={chosen.length === 0 ? "Choose a career" : "Add a career"} variant="hero" addTo={{ action: "/earnings", roles: chosen, keep }} />
        )}
      </section>

      <form method="get" action="/earnings" className="filters earnings-form" aria-label="Choose the assumptions">
        <input type="hidden" name="roles" value={chosen.join(",")} />
        {states.length > 0 && <StateSelect id="earnings-state" states={states} value={statePay?.state} />}
        <div>
          <label htmlFor="earnings-sector">College sector (NCES tuition)</label>
          <select id="earnings-sector" name="sector" defaultValue={query?.sector ?? "public"}>
            {EARNINGS_SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {SECTOR_LABELS[sector]}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Pay path</legend>
          <div className="filters__check">
            <input type="radio" id="earnings-path-median" name="path" value="median" defaultChecked={(query?.path ?? "median") === "median"} />
            <label htmlFor="earnings-path-median">Stay at the median</label>
          </div>
          <div className="filters__check">
            <input type="radio" id="earnings-path-range" name="path" value="range" defaultChecked={query?.path === "range"} />
            <label htmlFor="earnings-path-range">25th to 75th percentile</label>
          </div>
        </fieldset>
        <div>
          <label htmlFor="earnings-years">Years from the 25th to the 75th percentile</label>
          <input id="earnings-years" name="years" type="number" min={1} max={40} step={1} defaultValue={query?.years ?? 10} />
        </div>
        <div>
          <label htmlFor="earnings-inflation">Inflation, % a year</label>
          <input id="earnings-inflation" name="inflation" type="number" min={0} max={15} step={0.1} defaultValue={query?.inflation ?? 0} />
        </div>
        <div>
          <label htmlFor="earnings-discount">Discount rate, % a year</label>
          <input id="earnings-discount" name="discount" type="number" min={0} max={15} step={0.1} defaultValue={query?.discount ?? 0} />
        </div>
        <button type="submit">Show earnings</button>
      </form>

      {query && shown.length > 0 && (
        <>
          <section aria-labelledby="earnings-chart-heading">
            <h2 id="earnings-chart-heading">Cumulative earnings minus education cost, ages {START_AGE} to {END_AGE}</h2>
            <EarningsChart careers={shown} />
            <h3>Break-even ages</h3>
            <ul>
              {shown.map((career) => (
                <li key={career.slug}>
                  <strong>{career.title}</strong>: {breakEvenText(career)}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="earnings-table-heading">
            <h2 id="earnings-table-heading">The same figures as a table</h2>
            <EarningsTable careers={shown} />
            <p>
              <a href={`/api/earnings?${earningsSearchParams(query)}`}>This view as JSON</a> · Share this view with its address.
            </p>
          </section>
          <section aria-labelledby="earnings-careers-heading">
            <h2 id="earnings-careers-heading">What each career assumes</h2>
            {shown.map((career) => (
              <CareerAssumptions key={career.slug} career={career} sector={SECTOR_LABELS[query.sector]} payArea={statePay?.name ?? null} />
            ))}
          </section>
        </>
      )}
      {chosen.length === 0 && <p>Choose up to three careers with the career box above, or follow a link here from a career page or a comparison.</p>}

      <section aria-labelledby="earnings-method">
        <h2 id="earnings-method">How this is worked out</h2>
        <ul>
          <li>
            Study starts at {START_AGE}, after high school, and the chart ends at {END_AGE}. No pay is counted while studying (no part-time work) and
            on-the-job training counts as paid work.
          </li>
          <li>
            Years of full-time study come from BLS&apos;s typical entry education for the career (Employment Projections):{" "}
            {Object.entries(EDUCATION_PLANS)
              .map(([level, plan]) => `${level.toLowerCase()} ${plan.years} year${plan.years === 1 ? "" : "s"}`)
              .join("; ")}
            . O*NET&apos;s job zone is shown beside it for context.
          </li>
          <li>
            Education cost: NCES average tuition and required fees ({costs ? `${costs.academicYear}, ` : ""}Digest of Education Statistics, Table 330.10) for
            the chosen sector, 2-year institutions for up to two years of study and 4-year ones for a bachelor&apos;s or more, before grants or aid; room
            and board are not counted (living costs come with work too). Graduate years are not charged: NCES covers undergraduate charges only.
          </li>
          <li>
            Pay: OEWS annual wages, national or of the state you choose{statePay ? ` (now ${statePay.name}, ${statePay.referencePeriod})` : ""} (the
            career&apos;s own SOC code, else its smallest published SOC group, as the career page; a career BLS publishes no figure for in the state is
            left out, never given the national one). &quot;25th to
            75th percentile&quot; starts at the 25th percentile and rises in equal steps to the 75th over the years you choose, then stays there: an
            illustration of moving up the distribution, not a measured career path.
          </li>
          <li>
            Defaults: inflation 0 % and discount rate 0 %, so every figure is in today&apos;s dollars and a dollar earned at 60 counts like one today. With
            inflation <em>i</em> and discount rate <em>d</em>, each year&apos;s pay and cost in today&apos;s dollars are multiplied by ((1 + <em>i</em>) / (1 +{" "}
            <em>d</em>))<sup>age − {START_AGE}</sup>.
          </li>
          <li>Taxes, benefits, unemployment, student loans and interest are left out.</li>
        </ul>
        {costs && <p className="muted">{costs.citation}</p>}
        <p>
          <Link href="/paths">Career paths</Link> · <Link href="/interests">Find careers by interest</Link>
        </p>
      </section>
    </>
  );
}

/** The reader's choices in the address other than the careers (sector, path, state, ...), to keep when careers change. */
function keptChoices(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => entry[0] !== "add" && entry[0] !== "roles" && typeof entry[1] === "string" && entry[1] !== ""));
}

/** The page's query with these careers (`roles=a,b` first, commas as they are: slugs need no escaping) and the reader's other choices. */
function keptParams(raw: Record<string, string | string[] | undefined>, roles: readonly string[]): string {
  const rest = new URLSearchParams(keptChoices(raw)).toString();
  return `roles=${roles.join(",")}${rest ? `&${rest}` : ""}`;
}

function breakEvenText(career: EarningsCareer): string {
  if (career.breakEven.kind === "no-cost") return "no education cost to pay back: ahead from the first year of work.";
  if (career.breakEven.kind === "not-by-end") return `earnings have not paid back the education cost by ${END_AGE}.`;
  return `earnings have paid back the education cost by age ${career.breakEven.age}.`;
}

/** The chart's figures every few years; on a phone each age stacks: the age, then each career's labelled figure. */
function EarningsTable({ careers }: { careers: readonly EarningsCareer[] }) {
  return (
    <table className="role-table stack-table">
      <caption>Cumulative earnings minus education cost, by age</caption>
      <thead>
        <tr>
          <th scope="col">
            Age
          </th>
          {careers.map((career) => (
            <th key={career.slug} scope="col" className="num">
              {career.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {TABLE_AGES.map((age) => (
          <tr key={age}>
            <th scope="row">
              <CellLabel>Age</CellLabel>
              {age}
            </th>
            {careers.map((career) => {
              const year = career.years.find((candidate) => candidate.age === age);
              return (
                <td key={career.slug} className="num">
                  <CellLabel>{career.title}</CellLabel>
                  {year ? formatDollars(Math.round(year.cumulative)) : "—"}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CareerAssumptions({ career, sector, payArea }: { career: EarningsCareer; sector: string; payArea: string | null }) {
  return (
    <>
      <h3>
        <Link href={`/roles/${career.slug}`}>{career.title}</Link>
      </h3>
      <ul>
        <li>
          Typical entry education (BLS): {career.entryEducation ?? "not published"}; {career.studyYears} year{career.studyYears === 1 ? "" : "s"} of study, work
          from age {career.workStartAge}. O*NET job zone: {career.jobZone ?? "not published"}.
        </li>
        <li>
          Education cost: {career.costPerYear === null ? "none counted" : `${formatDollars(career.costPerYear)} a year × ${career.costYears} (${sector}, ${career.costLevel})`}.
        </li>
        <li>
          Pay (OEWS, {payArea ?? "national"}): 25th percentile {career.pay.p25 === null ? "not published" : formatDollars(career.pay.p25)}, median {formatDollars(career.pay.median)}, 75th
          percentile {career.pay.p75 === null ? "not published" : formatDollars(career.pay.p75)}; the chart uses {career.path === "range" ? "the 25th → 75th percentile path" : "the median"}.
        </li>
        <li>
          By {END_AGE}: {formatShortDollars(career.years.at(-1)!.cumulative)} ({formatDollars(Math.round(career.years.at(-1)!.cumulative))}).
        </li>
        {career.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </>
  );
}
