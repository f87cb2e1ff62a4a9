// The one role view: everything /roles/[slug], its Markdown export, /api/roles/[code],
// compare and the JSON-LD show, assembled by get-role-page.ts. Which value shows (official,
// or as practitioners corrected it), what is missing and which release each section draws on
// are decided here once (`shown`, `missing`, `sections`, by build-role-view.ts); the formats
// only format them. Plain data (no Dates, no Prisma types), so it serialises as JSON unchanged.
import type { ReleaseSummary } from "@/lib/releases/find-current-releases";
import type { AiLevel } from "./ai-exposure-level";
import type { BrightOutlook } from "./bright-outlook";
import type { SocGroupLevel } from "./soc-groups";

/** The dataset release a section's figures come from. */
export interface SectionSource {
  dataset: string;
  name: string;
  version: string;
  referencePeriod: string;
}

/** Where a BLS figure comes from, relative to the occupation's own SOC code. */
export type FigureBasis =
  /** The occupation's own SOC code, which no other O*NET occupation shares. */
  | { kind: "own"; socCode: string; socTitle: string }
  /** The occupation's own SOC code, shared with other O*NET occupations: a SOC group figure. */
  | { kind: "shared"; socCode: string; socTitle: string; occupationCount: number }
  /** The occupation's SOC code has no row: the smallest published group containing it. */
  | { kind: "group"; socCode: string; socTitle: string; groupLevel: SocGroupLevel; ownSocCode: string };

export interface PayPoint {
  percentile: 10 | 25 | 50 | 75 | 90;
  /** null when BLS publishes no figure (see topCoded). */
  value: number | null;
  /** BLS's `#`: at or above the top of its wage range. */
  topCoded: boolean;
}

export interface RoleWages {
  source: SectionSource;
  basis: FigureBasis;
  employment: number | null;
  annualMean: number | null;
  hourlyMean: number | null;
  annual: PayPoint[];
  hourly: PayPoint[];
  /** OEWS publishes only annual (e.g. teachers) or only hourly wages for some occupations. */
  annualOnly: boolean;
  hourlyOnly: boolean;
  /** The same SOC row in the previous OEWS release, for a year-over-year change. */
  previous: { source: SectionSource; annualMedian: number | null; medianTopCoded: boolean; changePercent: number | null } | null;
}

/** One state's or metro area's OEWS figures for the occupation (its own SOC code, else the smallest group: see `basis`). */
export interface RoleAreaWage {
  /** OEWS AREA: the state's FIPS code ("06"), or the metro area's MSA code ("41940"). */
  areaCode: string;
  /** Postal abbreviation ("CA"): the page's `#pay-CA` anchor and the remembered choice; for a metro area, its primary state (OEWS PRIM_STATE). */
  state: string;
  name: string;
  basis: FigureBasis;
  /** null: BLS published no number (`*`, `**` or `#`; the state file on hand cannot tell which). */
  employment: number | null;
  jobsPer1000: number | null;
  locationQuotient: number | null;
  annualP10: number | null;
  annualMedian: number | null;
  annualP90: number | null;
  hourlyMedian: number | null;
  /** Of A_PCT10, A_MEDIAN, A_PCT90: those BLS published as `#` (at or above the top of its range). */
  topCoded: string[];
}

export interface RoleStateWages {
  source: SectionSource;
  /** Highest annual median first; states without a published median last, by name. */
  states: RoleAreaWage[];
  /** Metro areas (BLS's MSA file, when a user's folder has it), sorted the same way; empty without the file. */
  metros: RoleAreaWage[];
}

export interface RoleProjection {
  source: SectionSource;
  basis: FigureBasis;
  baseYear: number;
  projectedYear: number;
  /** Thousands, as BLS publishes them. */
  employmentBase: number | null;
  employmentProjected: number | null;
  changeNumeric: number | null;
  changePercent: number | null;
  annualOpenings: number | null;
  entryEducation: string | null;
  workExperience: string | null;
  onTheJobTraining: string | null;
  brightOutlook: BrightOutlook;
}

export interface RoleTask {
  taskId: number;
  statement: string;
  taskType: string | null;
  importance: number | null;
}

export interface RatingItem {
  elementId: string;
  name: string;
  /** O*NET importance (IM, 1–5); interests: occupational interest score (OI, 1–7). */
  importance: number | null;
  level: number | null;
  /** O*NET recommends suppressing the estimate (low precision). */
  suppressed: boolean;
}

export interface RoleRatings {
  skills: RatingItem[];
  knowledge: RatingItem[];
  abilities: RatingItem[];
  interests: RatingItem[];
  workActivities: RatingItem[];
}

/** One Work Style, Work Value or Work Context element of the occupation, with O*NET's description. */
export interface WorkProfileItem {
  elementId: string;
  name: string;
  /** O*NET's description (Content Model Reference), null when the release has none for it. */
  description: string | null;
  /** The scale `value` is on (O*NET's Scales Reference): IM, WI, EX, CX or CT. */
  scale: WorkProfileScale;
  value: number;
  /** 30.x Work Styles: O*NET's distinctiveness rank (1–10) when the style is among the occupation's ten ranked ones. */
  distinctiveness: number | null;
  /** Work Context: the answer most respondents gave, and its share (percent). */
  topAnswer: { label: string; percent: number } | null;
  /** O*NET recommends suppressing the estimate (low precision). */
  suppressed: boolean;
}

export interface WorkProfileScale {
  id: string;
  name: string;
  minimum: number;
  maximum: number;
}

/** A Work Styles, Work Values or Work Context list of one release, highest first (by the value's place on its scale). */
export interface WorkProfileList {
  /** The O*NET release the list comes from (the newest that has the file). */
  source: SectionSource;
  items: WorkProfileItem[];
}

export interface TechnologyGroup {
  commodityTitle: string;
  items: { example: string; hotTechnology: boolean; inDemand: boolean }[];
}

export interface ToolGroup {
  commodityTitle: string;
  items: string[];
}

export interface JobZone {
  zone: number;
  name: string;
  education: string;
  experience: string;
  training: string;
  examples: string;
  svpRange: string;
}

export interface EducationLevelShare {
  category: number;
  label: string;
  percent: number;
  suppressed: boolean;
}

export interface EducationCostFigures {
  source: SectionSource;
  academicYear: string;
  /** The typical entry education this estimate is for, and the years of study assumed. */
  years: number;
  rows: { label: string; sector: string; level: string; tuitionFees: number | null; total: number | null }[];
}

export interface RoleVideo {
  source: SectionSource;
  /** CareerOneStop's page for the video (linked, never re-hosted). */
  pageUrl: string;
  videoCode: string;
  /** Set when CareerOneStop shows a related occupation's video. */
  relatedOccupation: { code: string; title: string; slug: string | null } | null;
}

export type AiMetricKey = "FELTEN_AIOE" | "FELTEN_LM_AIOE" | "ELOUNDOU_GAMMA" | "ELOUNDOU_BETA" | "ELOUNDOU_ALPHA" | "MS_APPLICABILITY";

export interface AiIndexValue {
  metric: AiMetricKey;
  label: string;
  measures: string;
  source: SectionSource;
  /** null when this index has no value for the occupation. */
  value: number | null;
  percentile: number | null;
  /** The code the value is keyed by (SOC 2018 or O*NET-SOC 2019). */
  code: string | null;
  /** SOC 2010 predecessor codes, when the value came through the 2010→2018 crosswalk. */
  predecessorCodes: string[];
  /** Counted in the quick-facts level (one index per study: γ for Eloundou). */
  inLevel: boolean;
}

export interface RelatedRole {
  code: string;
  slug: string;
  title: string;
  tier: string;
  medianAnnual: number | null;
  medianTopCoded: boolean;
  basis: FigureBasis | null;
}

/** A dataset release as the page (and its JSON export) shows it. */
export type RoleRelease = Omit<ReleaseSummary, "id" | "importedAt"> & {
  /** ISO date-time of the import. */
  importedAt: string;
};

/** An occupation that succeeds one O*NET no longer lists (O*NET's taxonomy crosswalk). */
export interface RoleSuccessor {
  code: string;
  slug: string;
  title: string;
}

export interface RolePage {
  code: string;
  slug: string;
  title: string;
  socCode: string | null;
  description: string;
  /** The first sentence of the description as readers see it (a practitioners' correction applied). */
  summary: string;
  alsoKnownAs: string[];
  onet: SectionSource;
  /**
   * Parts of the page read from an older O*NET release than `onet`, because the current one has
   * no file for them (e.g. skills from 29.3, "not in 30.1").
   */
  onetOlderParts: { part: string; version: string; note: string }[];
  /** False when the current O*NET release no longer lists this occupation: the page stays, marked. */
  inCurrentRelease: boolean;
  /**
   * When the current release no longer lists this occupation: the last O*NET release that does.
   * Its official sections come from there (or older, part by part: see `onetOlderParts`).
   */
  lastOnetRelease: SectionSource | null;
  /** The occupations O*NET's taxonomy crosswalk names as this one's successors (an occupation that left); empty otherwise. */
  successors: RoleSuccessor[];
  tasks: RoleTask[];
  /** True when the tasks carry O*NET importance (Task Ratings.txt). */
  tasksRanked: boolean;
  wages: RoleWages | null;
  /** OEWS by state, from the same release as `wages`; null when no state file was imported. */
  stateWages: RoleStateWages | null;
  projection: RoleProjection | null;
  jobZone: JobZone | null;
  educationLevels: EducationLevelShare[];
  educationCost: EducationCostFigures | null;
  /** Why no cost is shown, when none is. */
  educationCostNote: string;
  video: RoleVideo | null;
  aiExposure: AiIndexValue[];
  aiLevel: AiLevel | null;
  ratings: RoleRatings;
  /**
   * Work Styles (29.x: importance; 30.x: impact, with distinctiveness), from the newest release
   * that has the file: null when no imported release has it, no items when it rates none for this occupation.
   */
  workStyles: WorkProfileList | null;
  /** Work Values (extent), as workStyles. */
  workValues: WorkProfileList | null;
  /** Work Context (context or time scale), as workStyles. */
  workContext: WorkProfileList | null;
  technology: TechnologyGroup[];
  tools: ToolGroup[];
  related: RelatedRole[];
  /** The SOC major group the occupation belongs to (its code's first two digits), for the breadcrumb. */
  group: { code: string; name: string };
  /** Every approved practitioner's account, newest first. */
  narratives: RoleNarrative[];
  /** Approved practitioner corrections laid over the official values above (which stay as published). */
  community: RoleCommunity;
  /** The values as readers see them: the official ones with approved corrections applied. */
  shown: RoleShown;
  /** What the datasets have no value for, each said once in a sentence (only the keys that apply). */
  missing: RoleMissing;
  /** The page's sections in order, each with the releases its figures come from. */
  sections: RoleSectionInfo[];
  sources: RoleRelease[];
  /** The newest import date among the sources (ISO date). */
  dataAsOf: string | null;
}

/** A practitioner's account of the work, approved by a moderator. */
export interface RoleNarrative {
  id: string;
  /**
   * Who wrote it: public name, job title, their running verified-practitioner badges ("Verified
   * practitioner: Registered Nurses") and their public profile (/people/<number>, null when off).
   */
  author: { name: string; jobTitle: string | null; badges: string[]; profileHref: string | null };
  yearsInRole: number | null;
  /** "3 years in the role", or "A practitioner's account". */
  title: string;
  /** ISO date-time of the approval. */
  publishedAt: string;
  /** Sanitised HTML (rendered from the editor's JSON and cleaned with the allowlist on the server). */
  html: string;
  /** The same text without markup: paragraphs separated by blank lines. */
  text: string;
  answers: { key: string; prompt: string; text: string }[];
  /** Its anchor on the role page. */
  href: string;
}

/** A value as readers see it, and the approved correction it comes from (null: the official value). */
export interface Shown<T> {
  value: T;
  correction: RoleCorrection | null;
}

export interface ShownTask {
  /** "onet:<task id>" or "new:<id>" (lib/community/fields.ts). */
  key: string;
  statement: string;
  /** O*NET's importance of the official task (Task Ratings IM, 1–5); null without ratings or for a task practitioners added. */
  importance: number | null;
  correction: RoleCorrection | null;
}

export interface ShownTasks {
  /** O*NET's groups as shown: "Core tasks", "Supplemental tasks", or one list "Tasks" where O*NET gives no type. */
  groups: { heading: string; tasks: ShownTask[] }[];
  /** Tasks practitioners added. */
  added: ShownTask[];
  /** Official tasks practitioners removed (the official statement, with its removal). */
  removed: ShownTask[];
}

/** A related career as shown, with its median pay where the official list has it. */
export interface ShownRelatedRole {
  code: string;
  slug: string;
  title: string;
  /** O*NET's relatedness tier ("Primary-Short", ...) where O*NET lists the career; null for one only practitioners named. */
  tier: string | null;
  medianAnnual: number | null;
  medianTopCoded: boolean;
  basis: FigureBasis | null;
}

/** One item of a list as readers see it (an alternate title, a technology skill, a related career's code). */
export interface ShownListEntry {
  /** "onet:<item>" for an official item, "new:<id>" for one practitioners added (lib/community/fields.ts). */
  key: string;
  text: string;
  /** "official": as the official release publishes it; "community": added or reworded by practitioners. */
  origin: "official" | "community";
  /** The official item it stands for; null when practitioners added it. */
  official: string | null;
  /** The approved correction the item comes from (null for an official item as published). */
  correction: RoleCorrection | null;
}

/**
 * A list as readers see it, corrected item by item: `value[i]` is the item `items[i]` describes.
 * `correction` is a whole-list correction stored before lists were corrected item by item (it
 * still replaces the official list); null otherwise.
 */
export interface ShownItems<T> {
  value: T[];
  items: ShownListEntry[];
  /** Official items practitioners removed, with the removal. */
  removed: ShownListEntry[];
  correction: RoleCorrection | null;
}

/** The pay figure a reader sees first: annual, or hourly where BLS publishes only hourly wages. */
export interface PayHeadline {
  unit: "annual" | "hourly";
  median: PayPoint;
  low: PayPoint | null;
  high: PayPoint | null;
}

export interface RoleShown {
  description: Shown<string>;
  alsoKnownAs: ShownItems<string>;
  tasks: ShownTasks;
  /** The job zone's education sentence, or practitioners' correction of it. */
  education: Shown<string | null>;
  /** The technology skills when practitioners corrected any (shown as one list; O*NET's grouped list stays in `technology`); null when none. */
  technologySkills: ShownItems<string> | null;
  related: ShownItems<ShownRelatedRole>;
  /** Practitioners' note on pay and outlook (no official counterpart). */
  payOutlookNote: RoleCorrection | null;
  pay: PayHeadline | null;
}

type RoleMissingKey =
  | "description" | "alsoKnownAs" | "tasks" | "narratives" | "wages" | "projection" | "jobZone" | "educationLevels" | "video"
  | "aiLevel" | "aiIndices" | "ratings" | "interests" | "workStyles" | "workValues" | "workContext" | "technology" | "tools" | "related";

/** Sentences such as "O*NET 29.3 has no skill, knowledge or ability ratings for this occupation." */
export type RoleMissing = Partial<Record<RoleMissingKey, string>>;

export type RoleSectionId =
  | "overview" | "tasks" | "inside-this-career" | "pay" | "outlook" | "education" | "ai-exposure" | "skills" | "work-styles" | "work-context"
  | "technology" | "related" | "sources";

export interface RoleSectionInfo {
  id: RoleSectionId;
  title: string;
  sources: SectionSource[];
}

/** The correctable parts of a role page (lib/community/fields.ts). */
export type RoleCorrectionField = "DESCRIPTION" | "TASK" | "ALTERNATE_TITLES" | "TECHNOLOGY_SKILLS" | "EDUCATION" | "RELATED_CAREERS" | "PAY_OUTLOOK_NOTE";

/**
 * A value practitioners corrected and a moderator approved. It is shown in place of the
 * official value, which is kept beside it (`official`) and never changed.
 */
export interface RoleCorrection {
  /** Always "community": written by practitioners, not taken from an official dataset. */
  origin: "community";
  field: RoleCorrectionField;
  /**
   * Tasks: "onet:<O*NET task id>"; list items: "onet:<the official item without case>"; "new:<id>" for
   * a task or item practitioners added; "" for whole fields (and whole lists stored before item corrections).
   */
  itemKey: string;
  /**
   * The corrected value, null when practitioners removed the item: text for DESCRIPTION,
   * TASK, EDUCATION and PAY_OUTLOOK_NOTE; one item for a list item of ALTERNATE_TITLES and
   * TECHNOLOGY_SKILLS (an O*NET-SOC code for RELATED_CAREERS); a whole list for item key "".
   */
  value: string | string[] | null;
  removed: boolean;
  /** The official value it stands in for, in the same shape (null when the official data has none). */
  official: string | string[] | null;
  /** RELATED_CAREERS only: the corrected code's (codes') occupation(s), in order. */
  roles?: { code: string; slug: string; title: string }[];
  /** The approved submission it comes from (null after a rollback or a moderator's update): readers report it by this id. */
  submissionId: string | null;
  /** The page revision that made this change, and its place in the page history. */
  revision: number;
  historyUrl: string;
  /**
   * Set while a newer (or earlier) official release changed or removed the official value this
   * correction was based on and no moderator has resolved it yet: the correction still shows,
   * with `note` ("O*NET 30.1 changed the official text; under review").
   */
  releaseConflict: { fromVersion: string; toVersion: string; note: string } | null;
}

export interface RoleCommunity {
  corrections: RoleCorrection[];
  /** The page's latest revision (0 = the official page, unchanged). */
  latestRevision: number;
  /** ISO date-time of that revision (the page's last community edit), null when there is none. */
  lastEditedAt: string | null;
  historyUrl: string;
}
