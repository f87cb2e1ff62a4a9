import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { WorkProfileDomain } from "@/lib/generated/prisma/enums";
import type { OnetPartRelease } from "@/lib/releases/onet-files";
import type { WorkProfileItem, WorkProfileList, WorkProfileScale } from "./role-page.types";
import { placeOnScale } from "./work-profile-order";

/** The scales Work Styles, Work Values and Work Context are published on (O*NET's Scales Reference.txt). */
export const WORK_PROFILE_SCALES: Record<string, WorkProfileScale> = {
  IM: { id: "IM", name: "Importance", minimum: 1, maximum: 5 },
  WI: { id: "WI", name: "Work Styles Impact", minimum: -3, maximum: 3 },
  EX: { id: "EX", name: "Extent", minimum: 1, maximum: 7 },
  CX: { id: "CX", name: "Context", minimum: 1, maximum: 5 },
  CT: { id: "CT", name: "Context", minimum: 1, maximum: 3 },
};

export type RoleWorkProfile = Record<"workStyles" | "workValues" | "workContext", WorkProfileList | null>;

const DOMAINS: [keyof RoleWorkProfile, WorkProfileDomain][] = [
  ["workStyles", "WORK_STYLE"],
  ["workValues", "WORK_VALUE"],
  ["workContext", "WORK_CONTEXT"],
];

/**
 * Work Styles, Work Values and Work Context of one occupation, each from the newest release
 * that has its file (`releases`), with O*NET's description of each element from the Content
 * Model Reference of that same release (else of `descriptions`, the newest that has one),
 * highest first by the value's place on its scale.
 */
export async function findRoleWorkProfile(
  releases: Record<WorkProfileDomain, OnetPartRelease | null>,
  descriptions: OnetPartRelease | null,
  occupationCode: string,
): Promise<RoleWorkProfile> {
  const wanted = DOMAINS.flatMap(([, domain]) => (releases[domain] ? [{ domain, releaseId: releases[domain].id }] : []));
  if (wanted.length === 0) return { workStyles: null, workValues: null, workContext: null };
  const rows = await prisma.workProfileScore.findMany({
    where: { occupationCode, OR: wanted },
    select: { domain: true, elementId: true, elementName: true, scale: true, value: true, distinctiveness: true, topCategory: true, topCategoryLabel: true, topCategoryPercent: true, suppressed: true, releaseId: true },
  });
  const releaseIds = [...new Set([...wanted.map((w) => w.releaseId), ...(descriptions ? [descriptions.id] : [])])];
  const [elements, releaseRows] = await Promise.all([
    prisma.contentModelElement.findMany({
      where: { releaseId: { in: releaseIds }, elementId: { in: [...new Set(rows.map((row) => row.elementId))] } },
      select: { releaseId: true, elementId: true, description: true },
    }),
    prisma.datasetRelease.findMany({ where: { id: { in: wanted.map((w) => w.releaseId) } }, select: { id: true, dataset: true, name: true, version: true, referencePeriod: true } }),
  ]);
  const described = new Map(elements.map((element) => [`${element.releaseId}|${element.elementId}`, element.description]));
  const describe = (releaseId: number, elementId: string) =>
    described.get(`${releaseId}|${elementId}`) ?? (descriptions ? described.get(`${descriptions.id}|${elementId}`) : undefined) ?? null;

  const lists = DOMAINS.map(([key, domain]): [keyof RoleWorkProfile, WorkProfileList | null] => {
    const release = releaseRows.find((row) => row.id === releases[domain]?.id);
    const items = rows.filter((row) => row.domain === domain && row.releaseId === release?.id).map((row): WorkProfileItem => {
      const scale = WORK_PROFILE_SCALES[row.scale] ?? { id: row.scale, name: row.scale, minimum: 0, maximum: 1 };
      return {
        elementId: row.elementId,
        name: row.elementName,
        description: describe(row.releaseId, row.elementId),
        scale,
        value: row.value,
        distinctiveness: row.distinctiveness,
        topAnswer: row.topCategory !== null && row.topCategoryPercent !== null ? { label: row.topCategoryLabel ?? `answer ${row.topCategory}`, percent: row.topCategoryPercent } : null,
        suppressed: row.suppressed,
      };
    });
    if (!release) return [key, null];
    items.sort((a, b) => placeOnScale(b) - placeOnScale(a) || a.name.localeCompare(b.name));
    return [key, { source: { dataset: release.dataset, name: release.name, version: release.version, referencePeriod: release.referencePeriod }, items }];
  });
  return Object.fromEntries(lists) as RoleWorkProfile;
}
