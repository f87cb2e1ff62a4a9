import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { findOccupationOnetReleases } from "@/lib/releases/find-occupation-onet-releases";
import { isListField, LEGACY_LIST_KEY, officialListItemKey, officialTaskKey, type TCorrectionField, type TFieldValue, type TListField } from "./fields";

export interface OfficialTask {
  itemKey: string;
  statement: string;
}

/** The official value of every correctable field of one occupation, each from the release its page part is read from. */
export interface OfficialValues {
  DESCRIPTION: TFieldValue | null;
  tasks: OfficialTask[];
  ALTERNATE_TITLES: TFieldValue | null;
  TECHNOLOGY_SKILLS: TFieldValue | null;
  EDUCATION: TFieldValue | null;
  RELATED_CAREERS: TFieldValue | null;
  PAY_OUTLOOK_NOTE: TFieldValue | null;
}

/**
 * `db` is the caller's transaction when there is one: a transaction that waited for a second
 * pooled connection while holding its own (and the page lock) starved the pool under load.
 */
export async function findOfficialValues(occupationCode: string, db: Tx = prisma): Promise<OfficialValues> {
  // As the page reads them: an occupation the current release no longer lists, from its last release.
  const { parts } = await findOccupationOnetReleases(occupationCode, db);
  const empty: OfficialValues = {
    DESCRIPTION: null,
    tasks: [],
    ALTERNATE_TITLES: null,
    TECHNOLOGY_SKILLS: null,
    EDUCATION: null,
    RELATED_CAREERS: null,
    PAY_OUTLOOK_NOTE: null,
  };
  if (!parts.occupations) return empty;
  const none = -1; // a part no shown release has: matches no row
  const id = (part: keyof typeof parts) => parts[part]?.id ?? none;
  const [details, zoneRow, tasks, titles, skills, related] = await Promise.all([
    db.onetOccupation.findUnique({ where: { releaseId_code: { releaseId: id("occupations"), code: occupationCode } }, select: { description: true } }),
    db.onetOccupation.findUnique({ where: { releaseId_code: { releaseId: id("jobZones"), code: occupationCode } }, select: { jobZone: true } }),
    db.task.findMany({
      where: { releaseId: id("tasks"), occupationCode },
      orderBy: [{ importance: { sort: "desc", nulls: "last" } }, { position: "asc" }],
      select: { taskId: true, statement: true },
    }),
    db.alternateTitle.findMany({ where: { releaseId: id("alternateTitles"), occupationCode, kind: "ALTERNATE" }, orderBy: { position: "asc" }, select: { title: true } }),
    db.technologySkill.findMany({ where: { releaseId: id("technology"), occupationCode }, orderBy: { example: "asc" }, select: { example: true } }),
    db.relatedOccupation.findMany({ where: { releaseId: id("related"), occupationCode }, orderBy: { position: "asc" }, select: { relatedCode: true } }),
  ]);
  const zone = zoneRow?.jobZone
    ? await db.jobZoneReference.findUnique({ where: { releaseId_zone: { releaseId: id("jobZoneReference"), zone: zoneRow.jobZone } }, select: { education: true } })
    : null;
  // Only related occupations the site has a page for (the official file may name others).
  const relatedKnown = related.length
    ? new Set((await db.occupation.findMany({ where: { code: { in: related.map((r) => r.relatedCode) } }, select: { code: true } })).map((o) => o.code))
    : new Set<string>();
  const list = (items: string[]): TFieldValue | null => {
    const unique = [...new Map(items.map((item) => [item.toLowerCase(), item])).values()];
    return unique.length ? { items: unique } : null;
  };
  return {
    DESCRIPTION: details?.description ? { text: details.description } : null,
    tasks: tasks.map((task) => ({ itemKey: officialTaskKey(task.taskId), statement: task.statement })),
    ALTERNATE_TITLES: list(titles.map((t) => t.title)),
    TECHNOLOGY_SKILLS: list(skills.map((s) => s.example)),
    EDUCATION: zone?.education ? { text: zone.education } : null,
    RELATED_CAREERS: list(related.map((r) => r.relatedCode).filter((code) => relatedKnown.has(code))),
    PAY_OUTLOOK_NOTE: null,
  };
}

/** A list field's official items (empty when the official data has none). */
export function officialListItems(values: OfficialValues, field: TListField): string[] {
  const value = values[field];
  return value && "items" in value ? value.items : [];
}

/** The official value of one (field, item): a task, one list item (`onet:<item>`) or a whole list (""); null when the official data has none. */
export async function getOfficialValue(occupationCode: string, field: TCorrectionField, itemKey: string, db: Tx = prisma): Promise<TFieldValue | null> {
  const values = await findOfficialValues(occupationCode, db);
  if (field === "TASK") {
    const task = values.tasks.find((t) => t.itemKey === itemKey);
    return task ? { statement: task.statement } : null;
  }
  if (isListField(field) && itemKey !== LEGACY_LIST_KEY) {
    const item = officialListItems(values, field).find((official) => officialListItemKey(official) === itemKey);
    return item === undefined ? null : { item };
  }
  return values[field];
}
