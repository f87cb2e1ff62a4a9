// The sentences the role page, its Markdown export and compare share: where a figure
// comes from, the AI level in plain words. Plain text, so both HTML and
// Markdown can use them. What is missing is said by the view itself (RolePage.missing).
import { AI_LEVEL_LABEL, type AiLevel } from "./ai-exposure-level";
import type { FigureBasis, PayPoint, RolePage, RoleStateWages, SectionSource, WorkProfileItem, WorkProfileList } from "./role-page.types";

export function sourceLine(source: SectionSource): string {
  return `${source.name}, ${source.version}${source.referencePeriod && source.referencePeriod !== source.version ? ` (${source.referencePeriod})` : ""}`;
}

/** Where an official value a practitioner correction stands in for comes from: "O*NET Database 30.0". */
export function officialSourceLabel(page: RolePage): string {
  return `${page.onet.name} ${page.onet.version}`;
}

/** "figure for SOC group 13-1020 (Buyers and Purchasing Agents)" and its siblings. */
export function basisSentence(basis: FigureBasis): string {
  switch (basis.kind) {
    case "own":
      return `Figure for SOC ${basis.socCode} (${basis.socTitle}).`;
    case "shared":
      return `Figure for SOC group ${basis.socCode} (${basis.socTitle}), which ${basis.occupationCount} O*NET occupations share, this one among them: BLS publishes no separate figure for each.`;
    case "group":
      return `Figure for SOC group ${basis.socCode} (${basis.socTitle}): BLS publishes no figure for SOC ${basis.ownSocCode} itself, so this is the smallest published ${basis.groupLevel} group that contains it.`;
  }
}

/**
 * Whether the rows of a state or metro table are figures for different SOC codes or groups: then
 * each row names its own (the table's "Figure for" column), else the sentence above names the one.
 */
export function basisDiffersByRow(rows: readonly { basis: FigureBasis }[]): boolean {
  return new Set(rows.map((row) => basisLabel(row.basis))).size > 1;
}

/**
 * What a state or metro table's figures stand for: when every area uses the same SOC row as the
 * national figures (the usual case), a reference to them rather than their sentence again;
 * one basis sentence when every area uses another same row; else the rule, each row naming its own.
 */
export function stateWagesSentence(stateWages: RoleStateWages, nationalBasis: FigureBasis | null, scope: "states" | "metros"): string {
  const rows = stateWages[scope];
  const area = scope === "states" ? "state" : "metro area";
  const [first] = rows;
  const basis = !first || basisDiffersByRow(rows)
    ? `In each ${area}, the figure for the occupation's own SOC code where BLS publishes one, else for the smallest published SOC group that contains it (named in each row).`
    : basisLabel(first.basis) === basisLabel(nationalBasis)
      ? `Each ${area}'s figures are for ${basisLabel(first.basis)} (${first.basis.socTitle}), as the national figures are.`
      : basisSentence(first.basis);
  return `${basis} OEWS ${stateWages.source.referencePeriod} estimates by ${area}, highest median first. "Not published" means BLS published no number for that cell.`;
}

/** Short label for tables: "SOC group 15-1299" or "SOC 15-1252". */
export function basisLabel(basis: FigureBasis | null): string {
  if (!basis) return "";
  return basis.kind === "own" ? `SOC ${basis.socCode}` : `SOC group ${basis.socCode}`;
}


export const AI_FRAME = `AI exposure here means ${AI_LEVEL_LABEL}: how much of the work's tasks or abilities overlap with what current AI systems do. It says nothing about how many jobs there will be.`;

export const PAY_LADDER_NOTE =
  "These are the percentiles of pay across everyone in the occupation at one time, from the lowest-paid tenth to the highest-paid tenth. They are the pay distribution, not measured pay by years of experience: BLS does not publish pay by years in the job.";

/** "Computed from SOC 2010 15-1199 and 43-9011 (their mean)" for values that came through the 2010→2018 crosswalk. */
export function predecessorSentence(codes: readonly string[], code: string | null): string | null {
  if (codes.length === 0) return null;
  if (codes.length === 1) return `Published for SOC 2010 code ${codes[0]}, the predecessor of ${code ?? "this code"} in SOC 2018.`;
  return `Mean of the values published for SOC 2010 codes ${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}, which SOC 2018 merged into ${code ?? "this code"}.`;
}

const AI_LEVEL_WORDS = { Low: "little", Medium: "some", High: "much" } as const;

/** The AI level in one plain sentence, before the indices behind it. */
export function aiLevelSentence(level: AiLevel): string {
  return `${level.level}: ${AI_LEVEL_WORDS[level.level]} of what this work involves overlaps with what current AI systems can do (${AI_LEVEL_LABEL}).`;
}

/** Percentile names of the pay ladder: distribution points, not experience levels. */
export const PERCENTILE_NAMES: Record<PayPoint["percentile"], string> = { 10: "10th percentile", 25: "25th percentile", 50: "Median", 75: "75th percentile", 90: "90th percentile" };

/** How a Work Styles, Work Values or Work Context list is scored and ordered, in one sentence. */
export function workProfileScaleNote(kind: "workStyles" | "workValues" | "workContext", list: WorkProfileList): string {
  const scale = list.items[0]?.scale;
  if (kind === "workValues") return "How far the work satisfies each value, on O*NET's extent scale from 1 to 7, highest first.";
  if (kind === "workContext") return "Each condition's average answer on O*NET's context scale (1 to 5; 1 to 3 for time), highest first, with the answer most workers gave.";
  if (scale?.id === "WI") {
    return "How much each style affects performance in this work, on O*NET's Work Styles Impact scale from −3 to +3, highest first; \"distinctive\" marks the styles O*NET ranks among the ten most distinctive of this occupation (rank 1–10).";
  }
  return "Importance on O*NET's scale from 1 (not important) to 5 (extremely important), most important first.";
}

/** "2.64 on −3 to +3", "4.50 / 5"; with the distinctiveness rank and the most common answer when O*NET gives them. */
export function workProfileValue(item: WorkProfileItem): string {
  const { scale } = item;
  const value = scale.minimum < 0 ? `${item.value > 0 ? "+" : item.value < 0 ? "−" : ""}${Math.abs(item.value).toFixed(2)} on −${-scale.minimum} to +${scale.maximum}` : `${item.value.toFixed(2)} / ${scale.maximum}`;
  const marks = [
    item.distinctiveness !== null ? `distinctive, rank ${item.distinctiveness}` : null,
    item.topAnswer ? `most common answer: ${item.topAnswer.label} (${formatShare(item.topAnswer.percent)} %)` : null,
    item.suppressed ? "low precision" : null,
  ].filter(Boolean);
  return marks.length > 0 ? `${value}; ${marks.join("; ")}` : value;
}

function formatShare(percent: number): string {
  return Number.isInteger(percent) ? String(percent) : percent.toFixed(1);
}

/** "importance 4.50 / 5": a task's O*NET importance, where Task Ratings rate it. */
export function taskImportanceLabel(importance: number | null): string | null {
  return importance === null ? null : `importance ${importance.toFixed(2)} / 5`;
}
