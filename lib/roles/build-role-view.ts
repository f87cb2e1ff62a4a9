import { LEGACY_LIST_KEY, officialTaskKey, type TListField } from "@/lib/community/fields";
import { applyListCorrections } from "@/lib/community/list-items";
import { ONET_FILES, ONET_PART_LABELS, type OnetPart } from "@/lib/releases/onet-files";
import { standsAloneAsTask } from "./release-notice";
import { firstSentence } from "./first-sentence";
import { payAt } from "./pay-ladder";
import type {
  PayHeadline,
  RoleCorrection,
  RoleCorrectionField,
  RoleMissing,
  RolePage,
  RoleSectionInfo,
  RoleShown,
  SectionSource,
  ShownItems,
  ShownListEntry,
  ShownRelatedRole,
  ShownTask,
  ShownTasks,
  WorkProfileList,
} from "./role-page.types";

/** The official page, its approved corrections and narratives: what the one view is built from. */
type RoleOfficialPage = Omit<RolePage, "summary" | "shown" | "missing" | "sections">;

/**
 * The one role view: decides once which value shows where practitioners corrected it, what
 * is missing (in one sentence each, empty rating lists folded into one), the pay headline,
 * and which releases each section draws on. Every format (page, Markdown, JSON, compare,
 * JSON-LD) reads these instead of deciding again.
 */
export function buildRoleView(page: RoleOfficialPage): RolePage {
  const shown = shownValues(page);
  return { ...page, summary: firstSentence(shown.description.value), shown, missing: missingSentences(page), sections: roleSections(page) };
}

function correctionOf(page: RoleOfficialPage, field: RoleCorrectionField, itemKey = ""): RoleCorrection | null {
  return page.community.corrections.find((c) => c.field === field && c.itemKey === itemKey) ?? null;
}

const asText = (value: RoleCorrection["value"]) => (typeof value === "string" ? value : "");

function shownValues(page: RoleOfficialPage): RoleShown {
  const description = correctionOf(page, "DESCRIPTION");
  const education = correctionOf(page, "EDUCATION");
  const note = correctionOf(page, "PAY_OUTLOOK_NOTE");
  const officialTechnology = page.technology.flatMap((group) => group.items.map((item) => item.example));
  const technologyCorrected = page.community.corrections.some((c) => c.field === "TECHNOLOGY_SKILLS");
  return {
    description: description ? { value: asText(description.value), correction: description } : { value: page.description, correction: null },
    alsoKnownAs: shownList(page, "ALTERNATE_TITLES", page.alsoKnownAs, (entry) => entry.text),
    tasks: shownTasks(page),
    education: education ? { value: asText(education.value), correction: education } : { value: page.jobZone?.education ?? null, correction: null },
    technologySkills: technologyCorrected ? shownList(page, "TECHNOLOGY_SKILLS", officialTechnology, (entry) => entry.text) : null,
    related: shownRelated(page),
    payOutlookNote: note && !note.removed ? note : null,
    pay: payHeadline(page),
  };
}

function shownTasks(page: RoleOfficialPage): ShownTasks {
  const corrections = new Map(page.community.corrections.filter((c) => c.field === "TASK").map((c) => [c.itemKey, c]));
  const official = page.tasks.map((task): ShownTask => {
    const key = officialTaskKey(task.taskId);
    const correction = corrections.get(key) ?? null;
    return { key, statement: correction && !correction.removed ? asText(correction.value) : task.statement, importance: task.importance, correction };
  });
  const shown = official.filter((task) => !task.correction?.removed);
  const typeOf = (task: ShownTask) => page.tasks.find((t) => officialTaskKey(t.taskId) === task.key)?.taskType;
  const groups = [
    { heading: "Core tasks", tasks: shown.filter((task) => typeOf(task) === "Core") },
    { heading: "Supplemental tasks", tasks: shown.filter((task) => typeOf(task) === "Supplemental") },
    { heading: "Tasks", tasks: shown.filter((task) => typeOf(task) !== "Core" && typeOf(task) !== "Supplemental") },
  ].filter((group) => group.tasks.length > 0);
  const added = [...corrections.values()].filter(standsAloneAsTask).map((c) => ({ key: c.itemKey, statement: asText(c.value), importance: null, correction: c }));
  return { groups, added, removed: official.filter((task) => task.correction?.removed) };
}

/**
 * A list field as readers see it: the official items with each approved item correction
 * applied (reworded, removed, added), and a whole-list correction stored before item
 * corrections standing in for the official list (lib/community/list-items.ts).
 */
function shownList<T>(page: RoleOfficialPage, field: TListField, official: readonly string[], toValue: (entry: ShownListEntry) => T | null): ShownItems<T> {
  const corrections = page.community.corrections.filter((c) => c.field === field);
  const list = applyListCorrections(official, corrections);
  const entry = (item: (typeof list.items)[number]): ShownListEntry => ({
    key: item.key,
    text: item.text,
    // Where the text comes from: an official item as published (also one practitioners removed), or practitioners' words.
    origin: item.official === item.text ? "official" : "community",
    official: item.official,
    correction: item.correction,
  });
  const shown = list.items.map(entry).flatMap((item) => {
    const value = toValue(item);
    return value === null ? [] : [{ item, value }];
  });
  return {
    value: shown.map((s) => s.value),
    items: shown.map((s) => s.item),
    removed: list.removed.map(entry),
    correction: corrections.find((c) => c.itemKey === LEGACY_LIST_KEY) ?? null,
  };
}

function shownRelated(page: RoleOfficialPage): RoleShown["related"] {
  const officialByCode = new Map(page.related.map((role) => [role.code, role]));
  const corrected = new Map(page.community.corrections.flatMap((c) => (c.field === "RELATED_CAREERS" ? (c.roles ?? []) : [])).map((role) => [role.code, role]));
  return shownList(page, "RELATED_CAREERS", page.related.map((role) => role.code), ({ text: code }): ShownRelatedRole | null => {
    const known = officialByCode.get(code);
    const role = known ?? corrected.get(code);
    // Pay is known where O*NET lists the same career; others have it on their own page. A code with no page is left out.
    if (!role) return null;
    return { code, slug: role.slug, title: role.title, tier: known?.tier ?? null, medianAnnual: known?.medianAnnual ?? null, medianTopCoded: known?.medianTopCoded ?? false, basis: known?.basis ?? null };
  });
}

function payHeadline(page: RoleOfficialPage): PayHeadline | null {
  const wages = page.wages;
  if (!wages) return null;
  const published = (point: ReturnType<typeof payAt>) => Boolean(point && (point.value !== null || point.topCoded));
  const annual = payAt(wages.annual, 50);
  const hourly = payAt(wages.hourly, 50);
  // Where BLS publishes only hourly wages (or no annual median), the hourly figures are the headline.
  const unit = published(annual) && !wages.hourlyOnly ? "annual" : published(hourly) ? "hourly" : null;
  if (!unit) return null;
  const ladder = unit === "annual" ? wages.annual : wages.hourly;
  return { unit, median: payAt(ladder, 50)!, low: payAt(ladder, 10) ?? null, high: payAt(ladder, 90) ?? null };
}

function missingSentences(page: RoleOfficialPage): RoleMissing {
  const onet = `O*NET ${(page.lastOnetRelease ?? page.onet).version}`;
  // A part read from an older release (the current one lacks its file) names that release.
  const of = (part: OnetPart) => `O*NET ${partVersion(page, part)}`;
  const missing: RoleMissing = {};
  const corrected = (field: RoleCorrectionField) => page.community.corrections.some((c) => c.field === field);
  if (!page.description && !correctionOf(page, "DESCRIPTION")) missing.description = `${onet} has no description for this occupation.`;
  if (page.alsoKnownAs.length === 0 && !corrected("ALTERNATE_TITLES")) missing.alsoKnownAs = `${of("alternateTitles")} lists no other titles for this occupation.`;
  const hasAddedTasks = page.community.corrections.some(standsAloneAsTask);
  if (page.tasks.length === 0 && !hasAddedTasks) missing.tasks = `${of("tasks")} has no task statements for this occupation.`;
  if (page.narratives.length === 0) missing.narratives = "No one who does this work has described it here yet.";
  if (!page.wages) {
    missing.wages = page.socCode
      ? `BLS OEWS publishes no wage figures for SOC ${page.socCode} or any group that contains it (or OEWS has not been imported).`
      : "This occupation has no SOC 2018 code in the O*NET crosswalk, so no BLS wage figures reach it.";
  }
  if (!page.projection) {
    missing.projection = page.socCode
      ? `BLS Employment Projections publish no figures for SOC ${page.socCode} or any group that contains it (or they have not been imported).`
      : "This occupation has no SOC 2018 code in the O*NET crosswalk, so no BLS projections reach it.";
  }
  if (!page.jobZone) missing.jobZone = `${of("jobZones")} assigns no job zone to this occupation.`;
  if (page.educationLevels.length === 0) missing.educationLevels = `${of("education")} has no education ratings (required level of education) for this occupation.`;
  if (!page.video) missing.video = "CareerOneStop has no career video for this occupation in the imported list.";
  if (page.aiExposure.length === 0) missing.aiIndices = "No AI-exposure index has been imported.";
  if (!page.aiLevel) missing.aiLevel = "None of the AI-exposure indices has a value for this occupation, so there is no overall level.";
  const emptyRatings = [
    ["skill", page.ratings.skills],
    ["knowledge", page.ratings.knowledge],
    ["ability", page.ratings.abilities],
  ].flatMap(([name, items]) => (items!.length === 0 ? [name as string] : []));
  if (emptyRatings.length > 0) missing.ratings = `${of("skills")} has no ${listWords(emptyRatings, "or")} ratings for this occupation.`;
  if (page.ratings.interests.length === 0) missing.interests = `${of("interests")} has no interest profile for this occupation.`;
  const noList = (list: WorkProfileList | null, part: OnetPart, what: string) =>
    !list ? `No imported O*NET release has ${what} (${ONET_FILES[part]}).` : list.items.length === 0 ? `O*NET ${list.source.version} has no ${what} for this occupation.` : undefined;
  const workLists = [
    ["workStyles", noList(page.workStyles, "workStyles", "work style ratings")],
    ["workValues", noList(page.workValues, "workValues", "work value ratings")],
    ["workContext", noList(page.workContext, "workContext", "work context ratings")],
  ] as const;
  for (const [key, sentence] of workLists) if (sentence) missing[key] = sentence;
  const noTechnology = page.technology.length === 0 && !corrected("TECHNOLOGY_SKILLS");
  if (noTechnology && page.tools.length === 0) missing.technology = `${of("technology")} lists no technology skills or tools for this occupation.`;
  else if (noTechnology) missing.technology = `${of("technology")} lists no technology skills for this occupation.`;
  else if (page.tools.length === 0) missing.tools = `${of("tools")} lists no tools for this occupation.`;
  if (page.related.length === 0 && !corrected("RELATED_CAREERS")) missing.related = `${of("related")} lists no related occupations for this one.`;
  return missing;
}

/** The O*NET release a part of the page was read from (an older one when the current release lacks its file). */
function partVersion(page: RoleOfficialPage, part: OnetPart): string {
  return page.onetOlderParts.find((older) => older.part === ONET_PART_LABELS[part])?.version ?? page.onet.version;
}

/** "skill, knowledge or ability" */
function listWords(words: readonly string[], conjunction: "and" | "or"): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1)}`;
}

function roleSections(page: RoleOfficialPage): RoleSectionInfo[] {
  // An occupation the current release no longer lists shows the last release that does.
  const onet = page.lastOnetRelease ?? page.onet;
  const section = (id: RoleSectionInfo["id"], title: string, sources: (SectionSource | null | undefined)[] = []): RoleSectionInfo => ({ id, title, sources: uniqueSources(sources) });
  return [
    section("overview", "Overview", [onet]),
    section("tasks", "Key responsibilities", [onet]),
    section("inside-this-career", "Inside this career"),
    section("pay", "Pay", [page.wages?.source, page.wages?.previous?.source]),
    section("outlook", "Outlook", [page.projection?.source]),
    section("education", "Education and training", [page.projection?.source, onet, page.educationCost?.source, page.video?.source]),
    section("ai-exposure", "AI exposure", page.aiExposure.filter((index) => index.value !== null).map((index) => index.source)),
    section("skills", "Skills, knowledge and abilities", [onet]),
    section("work-styles", "Work styles and values", [page.workStyles?.source, page.workValues?.source]),
    section("work-context", "Work context", [page.workContext?.source]),
    section("technology", "Technology and tools", [onet]),
    section("related", "Related careers", [onet, page.wages?.source]),
    section("sources", "Sources"),
  ];
}

function uniqueSources(sources: readonly (SectionSource | null | undefined)[]): SectionSource[] {
  const unique = new Map<string, SectionSource>();
  for (const source of sources) if (source && !unique.has(`${source.dataset}|${source.version}`)) unique.set(`${source.dataset}|${source.version}`, source);
  return [...unique.values()];
}
