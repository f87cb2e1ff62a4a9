// Submits the stored-XSS corpus (tests/support/fixtures/xss-payloads.ts) through the real use cases,
// as narratives and as corrections of every text field kind, and approves what they accept.
// Run by e2e/security/stored-xss.spec.ts in a child process, because lib code needs the
// `react-server` condition (`server-only`) that Playwright's own process does not have:
//
//   DATABASE_URL=… XSS_OCCUPATION_CODE=… XSS_AUTHOR_ID=… XSS_MODERATOR_ID=… \
//     tsx --conditions=react-server tests/support/e2e/submit-xss-payloads.ts
//
// A few submissions are left PENDING ("held") for the spec to open in the moderation review
// page and approve in the browser. Prints one line: `XSS_RESULT {json}` (XssSubmitResult).
import type { Actor } from "@/lib/auth/actor";
import type { TCorrectionField } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { DOC_PAYLOADS, linkDocument, MARKUP_PAYLOADS, narrativeWith, paragraphOf, URL_PAYLOADS, XSS_RESULT_PREFIX, type XssSubmitResult } from "../fixtures/xss-payloads";

interface Attempt {
  label: string;
  kind: "narrative" | "correction";
  payloadIds: number[];
  hold?: boolean;
  submit: () => Promise<{ id: string }>;
}

/** Joins texts with newlines, as many as fit in `max` characters. */
function joinUpTo(texts: string[], max: number): { text: string; count: number } {
  let text = "";
  let count = 0;
  for (const next of texts) {
    const joined = count === 0 ? next : `${text}\n${next}`;
    if (joined.length > max) break;
    text = joined;
    count += 1;
  }
  return { text, count };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size));
}

function attempts(occupationCode: string, author: Actor): Attempt[] {
  const narrative = (doc: unknown, promptAnswers: Record<string, string> = {}) => () =>
    submitNarrative({ actor: author, input: { occupationCode, doc, yearsInRole: 3, promptAnswers } });
  const correction = (field: TCorrectionField, proposedValue: unknown, operation: "ADD" | "CHANGE", sourceUrl = "https://example.org/source") => () =>
    submitCorrection({
      actor: author,
      input: { occupationCode, field, operation, proposedValue, rationale: "Security test: stored XSS corpus.", sourceUrl, baseRevisionNumber: 0 },
    });
  const markupTexts = MARKUP_PAYLOADS.map((p) => p.text);
  const list: Attempt[] = [];

  // Markup as narrative text and prompt answers, about twenty payloads a narrative.
  chunks(MARKUP_PAYLOADS, 20).forEach((group, index) => {
    const answers = group.map((p) => p.text).join("\n");
    list.push({
      kind: "narrative",
      label: `narrative with markup payloads ${group[0]!.id}–${group.at(-1)!.id}`,
      payloadIds: group.map((p) => p.id),
      hold: index === 0,
      submit: narrative(narrativeWith(group.map((p) => paragraphOf(p.text))), { typicalWeek: answers, surprised: answers, advice: answers, toolsAndAi: answers }),
    });
  });
  // Link addresses: as a narrative link (the editor's link mark) and as a correction's source link.
  for (const p of URL_PAYLOADS) {
    list.push({ kind: "narrative", label: `narrative link ${JSON.stringify(p.href)}`, payloadIds: [p.id], submit: narrative(linkDocument(p.href, p.id)) });
    list.push({ kind: "correction", label: `task with source link ${JSON.stringify(p.href)}`, payloadIds: [p.id], submit: correction("TASK", { statement: `Task sourced from link payload ${p.id}.` }, "ADD", p.href) });
  }
  // Crafted editor JSON.
  for (const p of DOC_PAYLOADS) {
    const hold = p.name === "link mark with a hostile title";
    list.push({ kind: "narrative", label: `crafted document: ${p.name}`, payloadIds: [p.id], hold, submit: narrative(narrativeWith(p.blocks)) });
  }
  // Every text field kind of a correction.
  const all = MARKUP_PAYLOADS.map((p) => p.id);
  const half = Math.ceil(markupTexts.length / 2);
  const description = joinUpTo(markupTexts.slice(0, half), 4000);
  const education = joinUpTo(markupTexts.slice(half), 4000);
  list.push({ kind: "correction", label: "description", payloadIds: all.slice(0, description.count), hold: true, submit: correction("DESCRIPTION", { text: description.text }, "CHANGE") });
  list.push({ kind: "correction", label: "education and training", payloadIds: all.slice(half, half + education.count), submit: correction("EDUCATION", { text: education.text }, "CHANGE") });
  // No PAY_OUTLOOK_NOTE: it has no official value and only allows CHANGE, so submitCorrection refuses every one (NOT_FOUND).
  for (const [index, start] of [0, 25, 50].entries()) {
    const task = joinUpTo(markupTexts.slice(start), 500);
    list.push({ kind: "correction", label: `task ${index + 1}`, payloadIds: all.slice(start, start + task.count), submit: correction("TASK", { statement: task.text }, "ADD") });
  }
  // Lists are corrected item by item: each payload an item added to a list.
  const text = (id: number) => MARKUP_PAYLOADS.find((p) => p.id === id)!.text;
  const lists: [TCorrectionField, string, number[]][] = [
    ["ALTERNATE_TITLES", "alternate title", all.slice(0, 40)],
    ["TECHNOLOGY_SKILLS", "technology skill", all.slice(-40)],
    ["RELATED_CAREERS", "related career", all.slice(20, 25)],
  ];
  for (const [field, label, ids] of lists) {
    for (const id of ids) list.push({ kind: "correction", label: `${label} ${id}`, payloadIds: [id], submit: correction(field, { item: text(id) }, "ADD") });
  }
  return list;
}

export async function submitXssPayloads({ occupationCode, author, moderator }: { occupationCode: string; author: Actor; moderator: Actor }): Promise<XssSubmitResult> {
  const stored = new Set<number>();
  const tried = new Set<number>();
  const held: XssSubmitResult["held"] = [];
  const counts = { approved: 0, held: 0, refused: 0, narratives: 0 };
  for (const attempt of attempts(occupationCode, author)) {
    for (const id of attempt.payloadIds) tried.add(id);
    let submissionId: string;
    try {
      ({ id: submissionId } = await attempt.submit());
    } catch (error) {
      if (error instanceof AppError && error.code === "INVALID_INPUT") {
        counts.refused += 1;
        continue;
      }
      throw new Error(`${attempt.label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    for (const id of attempt.payloadIds) stored.add(id);
    if (attempt.kind === "narrative") counts.narratives += 1;
    if (attempt.hold) {
      held.push({ submissionId, label: attempt.label });
      counts.held += 1;
    } else {
      await approveSubmission({ actor: moderator, submissionId });
      counts.approved += 1;
    }
  }
  return { stored: [...stored].sort((a, b) => a - b), refused: [...tried].filter((id) => !stored.has(id)).sort((a, b) => a - b), submissions: counts, held };
}

async function main() {
  const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
  try {
    const result = await submitXssPayloads({
      occupationCode: env("XSS_OCCUPATION_CODE"),
      author: { userId: env("XSS_AUTHOR_ID"), role: "CONTRIBUTOR" },
      moderator: { userId: env("XSS_MODERATOR_ID"), role: "MODERATOR" },
    });
    console.log(`${XSS_RESULT_PREFIX}${JSON.stringify(result)}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
