import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";
import { RIASEC_AREAS, riasecLetter, type RiasecLetter } from "./riasec";

/** One activity to rate: O*NET's illustrative "General" activity of an area. */
export interface InterestQuestion {
  /** Stable within a release: the area's letter and the activity's place among its area's ("R1"). */
  key: string;
  letter: RiasecLetter;
  activity: string;
}

export interface InterestAreaInfo {
  letter: RiasecLetter;
  name: string;
  /** O*NET's description of the area (Content Model Reference). */
  description: string;
  /** O*NET's RIASEC keywords. */
  actions: string[];
  objects: string[];
  /** O*NET's basic interests that belong to the area. */
  basicInterests: string[];
}

export interface InterestProfiler {
  release: { version: string; referencePeriod: string; citation: string; sourceUrl: string; license: string };
  /** Interleaved (R1, I1, A1, S1, E1, C1, R2, …), so no area comes as one block. */
  questions: InterestQuestion[];
  areas: InterestAreaInfo[];
}

/** The profiler's material from the newest imported Interest Profiler release, or null when none is imported. */
export async function findInterestProfiler(): Promise<InterestProfiler | null> {
  const release = (await findCurrentReleases()).get("onet-interest-profiler");
  if (!release) return null;
  const releaseId = release.id;
  const [activities, keywords, basics, areas] = await Promise.all([
    prisma.interestActivity.findMany({ where: { releaseId, interestType: "General" }, orderBy: { position: "asc" }, select: { elementId: true, activity: true } }),
    prisma.riasecKeyword.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: { elementId: true, keyword: true, keywordType: true } }),
    prisma.basicInterestArea.findMany({ where: { releaseId }, orderBy: { basicElementId: "asc" }, select: { riasecElementId: true, basicElementName: true } }),
    prisma.riasecArea.findMany({ where: { releaseId }, select: { elementId: true, name: true, description: true } }),
  ]);
  const perArea = RIASEC_AREAS.map((area) =>
    activities
      .filter((row) => row.elementId === area.elementId)
      .map((row, index): InterestQuestion => ({ key: `${area.letter}${index + 1}`, letter: area.letter, activity: row.activity })),
  );
  const rounds = Math.max(...perArea.map((list) => list.length));
  const questions = Array.from({ length: rounds }, (_, round) => perArea.flatMap((list) => list[round] ?? [])).flat();
  return {
    release: { version: release.version, referencePeriod: release.referencePeriod, citation: release.citation, sourceUrl: release.sourceUrl, license: release.license },
    questions,
    areas: RIASEC_AREAS.map((area) => {
      const ofArea = keywords.filter((row) => row.elementId === area.elementId);
      return {
        letter: area.letter,
        name: area.name,
        description: areas.find((row) => riasecLetter(row.elementId) === area.letter)?.description ?? "",
        actions: ofArea.filter((row) => row.keywordType === "Action").map((row) => row.keyword),
        objects: ofArea.filter((row) => row.keywordType === "Object").map((row) => row.keyword),
        basicInterests: basics.filter((row) => row.riasecElementId === area.elementId).map((row) => row.basicElementName),
      };
    }),
  };
}
