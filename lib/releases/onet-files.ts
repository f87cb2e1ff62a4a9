/**
 * The O*NET files the site reads, by what they hold. A release may lack some of them (30.1 as
 * shared here has no Skills or Knowledge): pages then show each part from the newest release
 * that has its file, and say which. Universal: the importer and the reader pages share it.
 */
export const ONET_FILES = {
  occupations: "Occupation Data.txt",
  jobZones: "Job Zones.txt",
  jobZoneReference: "Job Zone Reference.txt",
  tasks: "Task Statements.txt",
  taskRatings: "Task Ratings.txt",
  skills: "Skills.txt",
  knowledge: "Knowledge.txt",
  abilities: "Abilities.txt",
  workActivities: "Work Activities.txt",
  interests: "Interests.txt",
  technology: "Technology Skills.txt",
  tools: "Tools Used.txt",
  alternateTitles: "Alternate Titles.txt",
  reportedTitles: "Sample of Reported Titles.txt",
  related: "Related Occupations.txt",
  education: "Education, Training, and Experience.txt",
  educationCategories: "Education, Training, and Experience Categories.txt",
  workStyles: "Work Styles.txt",
  workValues: "Work Values.txt",
  workContext: "Work Context.txt",
  workContextCategories: "Work Context Categories.txt",
  contentModel: "Content Model Reference.txt",
} as const;

export type OnetPart = keyof typeof ONET_FILES;

/** How a page names each part when it comes from an older release than the current one. */
export const ONET_PART_LABELS: Record<OnetPart, string> = {
  occupations: "Title and description",
  jobZones: "Job zone",
  jobZoneReference: "Job zone descriptions",
  tasks: "Tasks",
  taskRatings: "Task importance",
  skills: "Skills",
  knowledge: "Knowledge",
  abilities: "Abilities",
  workActivities: "Work activities",
  interests: "Interests",
  technology: "Technology skills",
  tools: "Tools used",
  alternateTitles: "Alternate titles",
  reportedTitles: "Reported titles",
  related: "Related occupations",
  education: "Education levels",
  educationCategories: "Education level names",
  workStyles: "Work styles",
  workValues: "Work values",
  workContext: "Work context",
  workContextCategories: "Work context answer names",
  contentModel: "Element descriptions",
};

/** The O*NET release a part is read from. */
export interface OnetPartRelease {
  id: number;
  version: string;
}

/** One release as the file map needs it: newest first. */
export interface OnetReleaseFiles extends OnetPartRelease {
  files: readonly string[];
}

/**
 * For each part, the newest shown release that has its file (null when none has). `releases`
 * must be the shown O*NET releases, newest first.
 */
export function pickOnetPartReleases(releases: readonly OnetReleaseFiles[]): Record<OnetPart, OnetPartRelease | null> {
  const parts = Object.keys(ONET_FILES) as OnetPart[];
  return Object.fromEntries(
    parts.map((part) => {
      const release = releases.find((candidate) => candidate.files.includes(ONET_FILES[part]));
      return [part, release ? { id: release.id, version: release.version } : null];
    }),
  ) as Record<OnetPart, OnetPartRelease | null>;
}

/** File names recorded on a release (`DatasetRelease.files`: [{ name, sha256, bytes }]). */
export function releaseFileNames(files: unknown): string[] {
  if (!Array.isArray(files)) return [];
  return files.flatMap((file) => (file && typeof file === "object" && typeof (file as { name?: unknown }).name === "string" ? [(file as { name: string }).name] : []));
}

/** Where one occupation stands among the shown O*NET releases (newest first). */
export type OnetListing =
  /** The current release (the newest shown one, which has `Occupation Data.txt`) lists it. */
  | { status: "current" }
  /** It left: an earlier shown release lists it, the current one does not. `lastIndex`: the newest that does, in `releases`. */
  | { status: "left"; lastIndex: number }
  /** No shown release lists it (a release set aside added it). */
  | { status: "unlisted" };

/**
 * The one rule of an occupation that left O*NET: listed by an earlier shown release, not by the
 * current one. `releases`: the shown O*NET releases, newest first; `listedIn`: the ids of the
 * releases whose `Occupation Data.txt` lists the occupation. The role page, search's index,
 * browse and the sitemap all decide through it.
 */
export function onetListing(releases: readonly OnetReleaseFiles[], listedIn: ReadonlySet<number>): OnetListing {
  const current = pickOnetPartReleases(releases).occupations;
  if (current && listedIn.has(current.id)) return { status: "current" };
  const lastIndex = releases.findIndex((release) => listedIn.has(release.id));
  return lastIndex === -1 ? { status: "unlisted" } : { status: "left", lastIndex };
}

/** An occupation that left O*NET (see `onetListing`), with the release that last lists it and the releases its parts come from. */
export interface LeftOnetOccupation {
  code: string;
  lastRelease: OnetPartRelease;
  parts: Record<OnetPart, OnetPartRelease | null>;
}

/** The occupations that left, by `onetListing`, from each occupation's listing releases (`releaseIds`: those of `Occupation Data.txt`). */
export function leftOnetOccupations(releases: readonly OnetReleaseFiles[], listings: readonly { code: string; releaseIds: readonly number[] }[]): LeftOnetOccupation[] {
  return listings.flatMap(({ code, releaseIds }) => {
    const listing = onetListing(releases, new Set(releaseIds));
    if (listing.status !== "left") return [];
    const last = releases[listing.lastIndex]!;
    return [{ code, lastRelease: { id: last.id, version: last.version }, parts: pickOnetPartReleases(releases.slice(listing.lastIndex)) }];
  });
}
