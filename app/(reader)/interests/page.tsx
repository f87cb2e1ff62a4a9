import type { Metadata } from "next";
import { NotIndexed } from "@/components/ui/not-indexed";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/browse/browse-filters";
import { InterestForm, JOB_ZONE_NAMES } from "@/components/interests/interest-form";
import { InterestMatches, InterestProfile } from "@/components/interests/interest-results";
import { wellFormedSearchParams } from "@/lib/http/request-params";
import { rankCareersByInterest } from "@/lib/interests/rank-careers-by-interest";
import { ANSWER_POINTS, scoreInterestAnswers } from "@/lib/interests/score-interest-answers";
import { ZInterestOptionsSchema, type TInterestAnswer } from "@/lib/interests/score-interest-answers.types";
import { findInterestProfilerCached, findPayStatesCached, findRoleSummariesCached, findStatePayCached } from "@/lib/roles/cached-role-summaries";
import { formatDollars } from "@/lib/roles/format-figures";
import { withStatePay } from "@/lib/roles/state-pay-summaries";
import { readableIssue } from "@/lib/validation/readable-issue";

export const metadata: Metadata = { title: "Find careers by interest", alternates: { canonical: "/interests" } };

const MATCHES_PER_PAGE = 20;

interface InterestsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /interests: a short interest profiler built from O*NET's illustrative activities. The
 * answers travel in the address (a GET form): results render on the server without
 * JavaScript, nothing is stored, and the profiler and careers come from Next's data cache.
 */
export default async function InterestsPage({ searchParams }: InterestsPageProps) {
  const query = wellFormedSearchParams(await searchParams);
  if (!query) notFound();
  const [profiler, summaries, states] = await Promise.all([findInterestProfilerCached(), findRoleSummariesCached(), findPayStatesCached()]);
  const intro = (
    <>
      <h1>Find careers by interest</h1>
      <p>
        Rate everyday work activities, see which of the six interest areas (Realistic, Investigative, Artistic, Social, Enterprising, Conventional)
        you lean to, and which careers&apos; interest profiles follow yours.
      </p>
      <p className="notice">
        A starting point for exploring, not a test: it uses a few of O*NET&apos;s illustrative activities, not the validated O*NET Interest Profiler,
        and it says nothing about ability or what you would be good at. Your answers stay in this page&apos;s address; nothing is stored.
      </p>
    </>
  );
  if (!profiler || profiler.questions.length === 0) {
    return (
      <>
        {intro}
        <p role="alert">The O*NET interest profiler material has not been imported yet, so there is nothing to rate.</p>
      </>
    );
  }
  const options = ZInterestOptionsSchema.safeParse(Object.fromEntries(Object.entries(query).filter(([key, value]) => (key === "zone" || key === "page" || key === "state" || key === "minPay") && value !== "")), { error: readableIssue });
  const answers = scoreInterestAnswers(profiler.questions, query);
  const given = answers.status === "incomplete" || answers.status === "complete" ? answers.answers : new Map<string, TInterestAnswer>();
  const { zone, state, minPay } = options.success ? options.data : {};
  const page = options.success ? options.data.page : 1;
  const statePay = state ? await findStatePayCached(state) : null;
  const ranked = answers.status === "complete" ? rankCareersByInterest(statePay ? withStatePay(summaries, statePay) : summaries, answers.scores, { zone, minPay }) : null;
  const pageCount = ranked ? Math.max(1, Math.ceil(ranked.length / MATCHES_PER_PAGE)) : 1;
  const href = (target: number) => {
    const params = new URLSearchParams([...given].map(([key, answer]) => [key, answer]));
    if (zone) params.set("zone", String(zone));
    if (state) params.set("state", state);
    if (minPay !== undefined) params.set("minPay", String(minPay));
    if (target > 1) params.set("page", String(target));
    return `/interests?${params}#matches`;
  };

  return (
    <>
      {intro}
      {!options.success && (
        <div role="alert" className="notice">
          <NotIndexed />
          <p>These results cannot be filtered: {options.error.issues.map((issue) => issue.message).join(" ")}</p>
        </div>
      )}
      {state && !statePay && (
        <p role="alert" className="notice">
          BLS publishes no pay for the state “{state}”, so the national figures are used.
        </p>
      )}
      {answers.status === "invalid" && (
        <div role="alert" className="notice">
          <NotIndexed />
          <p>Some answers in this address cannot be read:</p>
          <ul>
            {answers.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {answers.status === "incomplete" && (
        <div role="alert" className="notice">
          <p>
            Rate every activity to see your profile: {answers.unanswered.length} of {profiler.questions.length} not rated yet.
          </p>
          <ul>
            {answers.unanswered.map((question) => (
              <li key={question.key}>
                <a href={`#q-${question.key}`}>{question.activity}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {answers.status === "complete" && (
        <>
          <InterestProfile profile={answers.profile} scores={answers.scores} areas={profiler.areas} />
          <section aria-labelledby="matches">
            <h2 id="matches">
              Careers that match your interests{zone ? ` (job zone ${zone}: ${JOB_ZONE_NAMES[zone - 1]?.toLowerCase()})` : ""}
              {minPay !== undefined ? `, median pay ${formatDollars(minPay)} or more${statePay ? ` in ${statePay.name}` : ""}` : ""}
            </h2>
            {ranked === null ? (
              <p role="alert">You rated every interest area the same, so no career fits your answers better than another. Try telling apart what you like more.</p>
            ) : ranked.length === 0 ? (
              <p>No career with O*NET interest scores passes these filters.</p>
            ) : page > pageCount ? (
              <p role="alert">
                <NotIndexed />
                There is no page {page}: this list has {pageCount} pages. <Link href={href(1)}>Go to page 1</Link>
              </p>
            ) : (
              <>
                <p className="muted">
                  {ranked.length} careers, best match first. Match runs from −1 to 1: 1 means the career&apos;s O*NET interest scores rise and fall across the six
                  areas exactly as yours do.
                </p>
                <InterestMatches matches={ranked.slice((page - 1) * MATCHES_PER_PAGE, page * MATCHES_PER_PAGE)} start={(page - 1) * MATCHES_PER_PAGE + 1} payArea={statePay?.name} />
                <Pagination href={href} page={page} pageCount={pageCount} />
              </>
            )}
          </section>
        </>
      )}

      <section aria-labelledby="profiler-heading">
        <h2 id="profiler-heading">{answers.status === "complete" ? "Change your answers" : "How much would you like to do these?"}</h2>
        <p className="muted">
          {profiler.questions.length} activities. For each, choose Like, Unsure or Dislike, without thinking about pay or the training it would take.
        </p>
        <InterestForm questions={profiler.questions} answers={given} options={{ zone, state: statePay?.state, minPay }} states={states} />
      </section>

      <section aria-labelledby="about-profiler">
        <h2 id="about-profiler">How this works</h2>
        <ul>
          <li>
            The activities are O*NET&apos;s own illustrative activities for each interest area (&quot;General&quot; activities of{" "}
            <cite>Interests Illustrative Activities</cite>). Each Like adds {ANSWER_POINTS.like} to its area, Unsure {ANSWER_POINTS.unsure}, Dislike{" "}
            {ANSWER_POINTS.dislike}.
          </li>
          <li>
            Careers are ranked by the correlation of your six scores with the career&apos;s O*NET occupational interest scores (OI, 1–7), so what counts
            is which areas are high and which are low for you. Careers without O*NET interest scores are left out.
          </li>
          <li>
            A career&apos;s interest code is its two highest O*NET interest areas. Descriptions and keywords are O*NET&apos;s.
          </li>
          <li>
            Source: O*NET {profiler.release.version} Database ({profiler.release.referencePeriod}), {profiler.release.license}. {profiler.release.citation}{" "}
            <a href={profiler.release.sourceUrl}>O*NET Resource Center</a>.
          </li>
        </ul>
      </section>
    </>
  );
}
