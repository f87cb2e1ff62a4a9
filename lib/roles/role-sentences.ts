// The sentences the role page, its Markdown export and compare share: where a figure
// comes from and what is missing. Plain text, so both HTML and Markdown can use them.
import { ONET_PART_LABELS, type OnetPart } from "@/lib/releases/onet-files";
import { AI_LEVEL_LABEL } from "./ai-exposure-level";
import type { FigureBasis, RolePage, SectionSource } from "./role-page.types";

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

/** Short label for tables: "SOC group 15-1299" or "SOC 15-1252". */
export function basisLabel(basis: FigureBasis | null): string {
  if (!basis) return "";
  return basis.kind === "own" ? `SOC ${basis.socCode}` : `SOC group ${basis.socCode}`;
}

/** The O*NET release a part of the page was read from (an older one when the current release lacks its file). */
function partVersion(page: RolePage, part: OnetPart): string {
  return page.onetOlderParts.find((older) => older.part === ONET_PART_LABELS[part])?.version ?? page.onet.version;
}

export const missing = {
  description: (page: RolePage) => `O*NET ${page.onet.version} has no description for this occupation.`,
  tasks: (page: RolePage) => `O*NET ${partVersion(page, "tasks")} has no task statements for this occupation.`,
  alsoKnownAs: (page: RolePage) => `O*NET ${partVersion(page, "alternateTitles")} lists no other titles for this occupation.`,
  wages: (page: RolePage) =>
    page.socCode
      ? `BLS OEWS publishes no wage figures for SOC ${page.socCode} or any group that contains it (or OEWS has not been imported).`
      : "This occupation has no SOC 2018 code in the O*NET crosswalk, so no BLS wage figures reach it.",
  projection: (page: RolePage) =>
    page.socCode
      ? `BLS Employment Projections publish no figures for SOC ${page.socCode} or any group that contains it (or they have not been imported).`
      : "This occupation has no SOC 2018 code in the O*NET crosswalk, so no BLS projections reach it.",
  jobZone: (page: RolePage) => `O*NET ${partVersion(page, "jobZones")} assigns no job zone to this occupation.`,
  educationLevels: (page: RolePage) => `O*NET ${partVersion(page, "education")} has no education ratings (required level of education) for this occupation.`,
  video: () => "CareerOneStop has no career video for this occupation in the imported list.",
  skills: (page: RolePage) => `O*NET ${partVersion(page, "skills")} has no skill ratings for this occupation.`,
  knowledge: (page: RolePage) => `O*NET ${partVersion(page, "knowledge")} has no knowledge ratings for this occupation.`,
  abilities: (page: RolePage) => `O*NET ${partVersion(page, "abilities")} has no ability ratings for this occupation (or its Abilities file was not imported).`,
  interests: (page: RolePage) => `O*NET ${partVersion(page, "interests")} has no interest profile for this occupation.`,
  technology: (page: RolePage) => `O*NET ${partVersion(page, "technology")} lists no technology skills for this occupation.`,
  tools: (page: RolePage) => `O*NET ${partVersion(page, "tools")} lists no tools for this occupation.`,
  related: (page: RolePage) => `O*NET ${partVersion(page, "related")} lists no related occupations for this one.`,
  aiIndex: (label: string, version: string) => `${label} (${version}) has no value for this occupation.`,
  aiLevel: () => "None of the AI-exposure indices has a value for this occupation, so there is no overall level.",
};

export const AI_FRAME = `AI exposure here means ${AI_LEVEL_LABEL}: how much of the work's tasks or abilities overlap with what current AI systems do. It says nothing about how many jobs there will be.`;

export const PAY_LADDER_NOTE =
  "These are the percentiles of pay across everyone in the occupation at one time, from the lowest-paid tenth to the highest-paid tenth. They are the pay distribution, not measured pay by years of experience: BLS does not publish pay by years in the job.";

/** "Computed from SOC 2010 15-1199 and 43-9011 (their mean)" for values that came through the 2010→2018 crosswalk. */
export function predecessorSentence(codes: readonly string[], code: string | null): string | null {
  if (codes.length === 0) return null;
  if (codes.length === 1) return `Published for SOC 2010 code ${codes[0]}, the predecessor of ${code ?? "this code"} in SOC 2018.`;
  return `Mean of the values published for SOC 2010 codes ${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}, which SOC 2018 merged into ${code ?? "this code"}.`;
}
