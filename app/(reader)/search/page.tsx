import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppError, toUserMessage } from "@/lib/errors";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { formatDollars } from "@/lib/roles/format-figures";
import { searchRoles } from "@/lib/roles/search-roles";
import { leftOnetLabel } from "@/lib/roles/left-onet-note";
import { ZSearchQuerySchema, type TLeftOnet, type TRoleSearchResult } from "@/lib/roles/search-roles.types";
import { logger } from "@/lib/logging/logger.cjs";

export const metadata: Metadata = { title: "Search", robots: { index: false } };

interface SearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?q=`: one query; a repeated `q` takes the first, as browsers send a form's first field. */
const ZSearchPageParamsSchema = z.object({ q: z.union([z.string(), z.array(z.string()).transform((values) => values[0])]).optional() });

/** /search?q=…: roles by title, alternate title and task, typos forgiven. Dynamic by nature. */
export default async function SearchPage({ searchParams }: SearchPageProps) {
  const { q } = parsePageSearchParams(ZSearchPageParamsSchema, await searchParams).data ?? {};
  if (q === undefined || q === "") {
    return (
      <>
        <h1>Search careers</h1>
        <p>Type a job title, another name for it, or something the work involves into the search box above.</p>
      </>
    );
  }
  const parsed = ZSearchQuerySchema.safeParse(q);
  if (!parsed.success) {
    return (
      <>
        <h1>Search careers</h1>
        <p role="alert">{parsed.error.issues[0]?.message}</p>
      </>
    );
  }
  let results: TRoleSearchResult[];
  try {
    results = await searchRoles({ query: parsed.data, limit: 30 });
  } catch (error) {
    if (!(error instanceof AppError)) logger.error({ component: "search", err: error }, "search failed");
    return (
      <>
        <h1>Search careers</h1>
        <p role="alert">{toUserMessage(error)}</p>
      </>
    );
  }
  return (
    <>
      <h1>
        Search results for <q>{parsed.data}</q>
      </h1>
      {results.length === 0 ? (
        <p>
          No career matches <q>{parsed.data}</q>. Try another word, or <Link href="/roles">browse all careers</Link>.
        </p>
      ) : (
        <>
          <p className="muted">
            {results.length === 30 ? "The 30 best matches" : `${results.length} match${results.length === 1 ? "" : "es"}`}, best first. Pay is the
            national median annual wage (BLS OEWS).
          </p>
          <ol className="result-list">
            {results.map((result) => (
              <li key={result.code}>
                <Link href={`/roles/${result.slug}`} className="result-list__title">
                  {result.title}
                </Link>{" "}
                <span className="muted code">{result.code}</span>
                <MatchLine result={result} />
                {result.leftOnet && <LeftOnetLine left={result.leftOnet} />}
                <div className="muted">
                  {result.medianAnnualWage === null
                    ? "No BLS median pay for this occupation"
                    : `Median pay ${formatDollars(result.medianAnnualWage)} a year${result.wageGroupCode ? ` (figure for SOC group ${result.wageGroupCode})` : ""}`}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function MatchLine({ result }: { result: TRoleSearchResult }) {
  if (!result.matchedText) return null;
  const label = result.matchedKind === "TASK" ? "Task" : "Also called";
  return (
    <div>
      {label}: <mark>{result.matchedText}</mark>
    </div>
  );
}

/** "No longer in O*NET 30.1; succeeded by <link>": an occupation that left, its page kept. */
function LeftOnetLine({ left }: { left: TLeftOnet }) {
  return (
    <div>
      <strong>{leftOnetLabel(left)}</strong>
      {left.successors.length > 0 && (
        <>
          ; succeeded by{" "}
          {left.successors.map((successor, index) => (
            <span key={successor.code}>
              {index > 0 && ", "}
              <Link href={`/roles/${successor.slug}`}>{successor.title}</Link>
            </span>
          ))}
        </>
      )}
    </div>
  );
}
