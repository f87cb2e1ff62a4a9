// Tiny synthetic AI-exposure files in the published layouts of ai/ (see ai/SOURCE.md).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { writeWorkbook } from "./bls-fixtures";

/** [SOC 2010 code, title, index value] */
export type FeltenFixtureRow = readonly [string, string, number | string];

/** ai/AIOE_DataAppendix.xlsx: sheets Index and Appendix A–E; Appendix A has SOC Code, Occupation Title, AIOE. */
export async function writeFeltenAppendix(dir: string, rows: readonly FeltenFixtureRow[]): Promise<string> {
  const name = "ai/AIOE_DataAppendix.xlsx";
  await writeWorkbook(path.join(dir, name), {
    Index: [["Appendix", "Description"], ["Appendix A", "AI Occupational Exposure (AIOE)"]],
    "Appendix A": [["SOC Code", "Occupation Title", "AIOE"], ...rows],
    "Appendix B": [["NAICS", "Industry Title", "AIIE"], ["5112", "Software Publishers", 1.2]],
    "Appendix C": [["FIPS Code", "Geographic Area", "AIGE"]],
    "Appendix D": [],
    "Appendix E": [],
  });
  return name;
}

/** ai/Language Modeling AIOE and AIIE.xlsx: sheets LM AIOE (SOC Code, Occupation Title, Language Modeling AIOE) and LM AIIE. */
export async function writeFeltenLanguageModeling(dir: string, rows: readonly FeltenFixtureRow[]): Promise<string> {
  const name = "ai/Language Modeling AIOE and AIIE.xlsx";
  await writeWorkbook(path.join(dir, name), {
    "LM AIOE": [["SOC Code", "Occupation Title", "Language Modeling AIOE"], ...rows],
    "LM AIIE": [["NAICS", "NAICS Description", "Language Modeling AIIE"], ["511210", "Software Publishers", 1.1]],
  });
  return name;
}

export interface EloundouFixtureRow {
  code: string;
  title: string;
  alpha: number | string;
  beta: number | string;
  gamma: number | string;
}

/** ai/occ_level.csv with all eight published columns (the human ratings are filled with the GPT-4 ones). */
export async function writeEloundou(dir: string, rows: readonly EloundouFixtureRow[]): Promise<string> {
  const name = "ai/occ_level.csv";
  const lines = [
    "O*NET-SOC Code,Title,dv_rating_alpha,dv_rating_beta,dv_rating_gamma,human_rating_alpha,human_rating_beta,human_rating_gamma",
    ...rows.map((r) => [r.code, csvText(r.title), r.alpha, r.beta, r.gamma, r.alpha, r.beta, r.gamma].join(",")),
  ];
  await writeFile(path.join(dir, name), `${lines.join("\n")}\n`);
  return name;
}

/** ai/soc_ai_applicability_scores.csv: SOC Code, title, ai_applicability_score. */
export async function writeMicrosoftApplicability(dir: string, rows: readonly (readonly [string, string, number | string])[]): Promise<string> {
  const name = "ai/soc_ai_applicability_scores.csv";
  const lines = ["SOC Code,title,ai_applicability_score", ...rows.map(([code, title, score]) => [code, csvText(title), score].join(","))];
  await writeFile(path.join(dir, name), `${lines.join("\n")}\n`);
  return name;
}

function csvText(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
