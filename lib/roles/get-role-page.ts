import "server-only";
import { findPublishedNarratives } from "@/lib/community/find-published-narratives";
import { findRoleCorrections } from "@/lib/community/find-role-corrections";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases, type ReleaseSummary } from "@/lib/releases/find-current-releases";
import { findOccupationOnetReleases } from "@/lib/releases/find-occupation-onet-releases";
import { findPreviousRelease } from "@/lib/releases/find-previous-release";
import { ONET_PART_LABELS, type OnetPart, type OnetPartRelease } from "@/lib/releases/onet-files";
import { aiExposureLevel } from "./ai-exposure-level";
import { brightOutlook } from "./bright-outlook";
import { buildRoleView } from "./build-role-view";
import { findAiExposure } from "./find-ai-exposure";
import { findCareerVideo } from "./find-career-video";
import { findEducationCosts } from "./find-education-costs";
import { findProjectionFigure } from "./find-projection-figure";
import { findRelatedRoles } from "./find-related-roles";
import { findRoleEducationLevels, findRoleJobZone } from "./find-role-education";
import { findRoleSuccessors } from "./find-role-successors";
import { findRoleRatings } from "./find-role-ratings";
import { findRoleTasks } from "./find-role-tasks";
import { findRoleTechnology, findRoleTools } from "./find-role-technology";
import { findRoleTitles } from "./find-role-titles";
import { findRoleWorkProfile } from "./find-role-work-profile";
import { findStateWages } from "./find-state-wages";
import { findWageFigures, type WageFigure } from "./find-wage-figures";
import type { PayPoint, RolePage, RoleProjection, RoleRelease, RoleWages, SectionSource } from "./role-page.types";
import { SOC_MAJOR_GROUPS } from "./soc-major-groups";

export type { RolePage, RoleTask } from "./role-page.types";

/** Everything the role page shows, from the newest release of each dataset (O*NET part by part); null when no occupation has this slug. */
export async function getRolePage(slug: string): Promise<RolePage | null> {
  const occupation = await findRoleOccupation({ slug });
  return occupation ? assembleRolePage(occupation) : null;
}

/** The same page by O*NET-SOC code (for /api/roles/[code]). */
export async function getRolePageByCode(code: string): Promise<RolePage | null> {
  const occupation = await findRoleOccupation({ code });
  return occupation ? assembleRolePage(occupation) : null;
}

export interface RoleOccupation {
  code: string;
  slug: string;
  title: string;
  socCode: string | null;
}

/** The occupation a slug or code names (one indexed read), or null. */
export function findRoleOccupation(key: { slug: string } | { code: string }): Promise<RoleOccupation | null> {
  return prisma.occupation.findUnique({ where: key, select: { code: true, slug: true, title: true, socCode: true } });
}

function toSource(release: ReleaseSummary): SectionSource {
  return { dataset: release.dataset, name: release.name, version: release.version, referencePeriod: release.referencePeriod };
}

/** The one role view of a known occupation; null only when no O*NET release is imported. */
export async function assembleRolePage(occupation: RoleOccupation): Promise<RolePage | null> {
  const [releases, onetReleases] = await Promise.all([findCurrentReleases(), findOccupationOnetReleases(occupation.code)]);
  const onet = releases.get("onet");
  if (!onet) return null;
  // An occupation the current release no longer lists reads its parts from the last release that does.
  const { parts, lastRelease } = onetReleases;
  const none = -1; // a part no shown release has: matches no row
  const partId = (part: OnetPart) => parts[part]?.id ?? none;
  const oews = releases.get("oews") ?? null;
  const projections = releases.get("projections") ?? null;
  const videos = releases.get("career-videos") ?? null;
  const costs = releases.get("nces-costs") ?? null;

  const [successors, zoneRow, tasks, alsoKnownAs, ratings, workProfile, technology, tools, related, educationLevels, wages, stateWages, projection, aiExposure, video, community, narratives] = await Promise.all([
    onetReleases.inCurrentRelease ? Promise.resolve([]) : findRoleSuccessors(occupation.code),
    prisma.onetOccupation.findUnique({ where: { releaseId_code: { releaseId: partId("jobZones"), code: occupation.code } }, select: { jobZone: true } }),
    findRoleTasks(partId("tasks"), occupation.code),
    findRoleTitles(partId("alternateTitles"), occupation.code, occupation.title),
    findRoleRatings(
      { SKILL: partId("skills"), KNOWLEDGE: partId("knowledge"), ABILITY: partId("abilities"), WORK_ACTIVITY: partId("workActivities"), INTEREST: partId("interests") },
      occupation.code,
    ),
    findRoleWorkProfile({ WORK_STYLE: parts.workStyles, WORK_VALUE: parts.workValues, WORK_CONTEXT: parts.workContext }, parts.contentModel, occupation.code),
    findRoleTechnology(partId("technology"), occupation.code),
    findRoleTools(partId("tools"), occupation.code),
    findRelatedRoles(partId("related"), oews?.id ?? null, occupation.code),
    findRoleEducationLevels(partId("education"), occupation.code),
    oews ? findRoleWages(oews, occupation.socCode) : Promise.resolve({ wages: null, previousRelease: null }),
    oews ? findStateWages(oews.id, occupation.socCode) : Promise.resolve({ states: [], metros: [] }),
    projections ? findRoleProjection(projections, occupation.socCode) : Promise.resolve(null),
    findAiExposure(releases, toSource, occupation),
    videos ? findCareerVideo(videos.id, toSource(videos), occupation) : Promise.resolve(null),
    findRoleCorrections(occupation.code, occupation.slug),
    findPublishedNarratives(occupation.code, occupation.slug),
  ]);
  const [jobZone, educationCost] = await Promise.all([
    findRoleJobZone(partId("jobZoneReference"), zoneRow?.jobZone ?? null),
    findEducationCosts(costs ? { id: costs.id, source: toSource(costs) } : null, projection?.entryEducation ?? null),
  ]);

  // The Interest Profiler material feeds /interests only: no figure of the role page comes from it.
  const used = [...releases.values()].filter((release) => release.dataset !== "onet-interest-profiler" && (release.dataset !== "nces-costs" || educationCost.figures !== null));
  if (lastRelease) used.push(lastRelease);
  if (wages.previousRelease) used.push(wages.previousRelease);
  const sources: RoleRelease[] = used.map((release) => ({
    dataset: release.dataset,
    name: release.name,
    publisher: release.publisher,
    version: release.version,
    referencePeriod: release.referencePeriod,
    license: release.license,
    sourceUrl: release.sourceUrl,
    citation: release.citation,
    importedAt: release.importedAt.toISOString(),
  }));
  const dataAsOf = sources.map((s) => s.importedAt).sort().at(-1)?.slice(0, 10) ?? null;
  const description = onetReleases.description ?? "";
  const groupCode = occupation.code.slice(0, 2);

  return buildRoleView({
    code: occupation.code,
    slug: occupation.slug,
    title: occupation.title,
    socCode: occupation.socCode,
    description,
    alsoKnownAs,
    onet: toSource(onet),
    onetOlderParts: olderOnetParts(parts, onet.version),
    inCurrentRelease: onetReleases.inCurrentRelease,
    lastOnetRelease: lastRelease ? toSource(lastRelease) : null,
    successors,
    tasks,
    tasksRanked: tasks.some((task) => task.importance !== null),
    wages: wages.wages,
    stateWages: oews && stateWages.states.length + stateWages.metros.length > 0 ? { source: toSource(oews), ...stateWages } : null,
    projection,
    jobZone,
    educationLevels,
    educationCost: educationCost.figures,
    educationCostNote: educationCost.note,
    video,
    aiExposure,
    aiLevel: aiExposureLevel(aiExposure.filter((index) => index.inLevel && index.percentile !== null).map((index) => index.percentile!)),
    ratings,
    ...workProfile,
    technology,
    tools,
    related,
    group: { code: groupCode, name: SOC_MAJOR_GROUPS[groupCode] ?? `Group ${groupCode}` },
    narratives,
    community,
    sources,
    dataAsOf,
  });
}

/** The parts pages show from an older release than the current one, named, with why. */
function olderOnetParts(parts: Record<OnetPart, OnetPartRelease | null>, currentVersion: string): RolePage["onetOlderParts"] {
  const shown: OnetPart[] = ["tasks", "skills", "knowledge", "abilities", "workActivities", "interests", "workStyles", "workValues", "workContext", "technology", "tools", "alternateTitles", "related", "education", "jobZones"];
  return shown.flatMap((part) => {
    const release = parts[part];
    if (!release || release.version === currentVersion) return [];
    return [{ part: ONET_PART_LABELS[part], version: release.version, note: `from O*NET ${release.version}, not in O*NET ${currentVersion}` }];
  });
}

const PERCENTILES = [
  [10, "P10"],
  [25, "P25"],
  [50, "MEDIAN"],
  [75, "P75"],
  [90, "P90"],
] as const;

function payLadder(figure: WageFigure, unit: "annual" | "hourly"): PayPoint[] {
  const row = figure.row;
  const prefix = unit === "annual" ? "A_" : "H_";
  return PERCENTILES.map(([percentile, column]) => {
    const key = `${unit}${column === "MEDIAN" ? "Median" : column}` as keyof typeof row;
    const value = row[key] as number | null;
    const bls = `${prefix}${column === "MEDIAN" ? "MEDIAN" : `PCT${percentile}`}`;
    return { percentile, value, topCoded: row.topCoded.includes(bls) };
  });
}

async function findRoleWages(release: ReleaseSummary, socCode: string | null): Promise<{ wages: RoleWages | null; previousRelease: ReleaseSummary | null }> {
  if (!socCode) return { wages: null, previousRelease: null };
  const [figures, previousRelease] = await Promise.all([findWageFigures(release.id, [socCode]), findPreviousRelease(release)]);
  const figure = figures.get(socCode);
  if (!figure) return { wages: null, previousRelease: null };
  let previous: RoleWages["previous"] = null;
  if (previousRelease) {
    const earlier = (await findWageFigures(previousRelease.id, [socCode])).get(socCode);
    // Only the same SOC row is comparable.
    if (earlier && earlier.row.socCode === figure.row.socCode) {
      const now = figure.row.annualMedian;
      const then = earlier.row.annualMedian;
      previous = {
        source: toSource(previousRelease),
        annualMedian: then,
        medianTopCoded: earlier.row.topCoded.includes("A_MEDIAN"),
        changePercent: now !== null && then !== null && then > 0 ? ((now - then) / then) * 100 : null,
      };
    }
  }
  return {
    wages: {
      source: toSource(release),
      basis: figure.basis,
      employment: figure.row.employment,
      annualMean: figure.row.annualMean,
      hourlyMean: figure.row.hourlyMean,
      annual: payLadder(figure, "annual"),
      hourly: payLadder(figure, "hourly"),
      annualOnly: figure.row.annualOnly,
      hourlyOnly: figure.row.hourlyOnly,
      previous,
    },
    previousRelease: previous ? previousRelease : null,
  };
}

async function findRoleProjection(release: ReleaseSummary, socCode: string | null): Promise<RoleProjection | null> {
  const figure = await findProjectionFigure(release.id, socCode);
  if (!figure) return null;
  const row = figure.row;
  return {
    source: toSource(release),
    basis: figure.basis,
    baseYear: row.baseYear,
    projectedYear: row.projectedYear,
    employmentBase: row.employmentBase,
    employmentProjected: row.employmentProjected,
    changeNumeric: row.changeNumeric,
    changePercent: row.changePercent,
    annualOpenings: row.annualOpenings,
    entryEducation: row.entryEducation,
    workExperience: row.workExperience,
    onTheJobTraining: row.onTheJobTraining,
    brightOutlook: brightOutlook({ changePercent: row.changePercent, annualOpeningsThousands: row.annualOpenings, baseYear: row.baseYear, projectedYear: row.projectedYear }),
  };
}
