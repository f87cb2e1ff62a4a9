import type { PoolClient } from "pg";
import type { OnetPart } from "./onet-files";
import type { OnetPartReleases } from "./onet-part-releases";

/** What one O*NET release change did to one occupation's page. */
export interface OccupationChange {
  code: string;
  /** New in the release / no longer in it. */
  arrived: boolean;
  left: boolean;
  titleChanged: boolean;
  descriptionChanged: boolean;
  jobZoneChanged: boolean;
  tasks: { added: number; removed: number; reworded: number };
  /** Task IDs whose statement was reworded or which are gone (corrections on them need review). */
  changedTaskIds: number[];
  alternateTitles: { added: number; removed: number };
  technology: { added: number; removed: number };
  related: { added: number; removed: number };
  /** Work Styles, Work Values, Work Context: elements rated for the first time, no longer rated, rated differently. */
  workStyles: ProfileChange;
  workValues: ProfileChange;
  workContext: ProfileChange;
}

export interface ProfileChange {
  added: number;
  removed: number;
  rerated: number;
}

const noProfileChange = (): ProfileChange => ({ added: 0, removed: 0, rerated: 0 });

export interface OnetChanges {
  fromVersion: string;
  toVersion: string;
  occupations: Map<string, OccupationChange>;
}

/**
 * Compares what pages showed under `before` with what they show under `after`, part by part
 * (only parts whose release changed are read). Every comparison is a FULL JOIN, which
 * PostgreSQL runs as a hash or merge join: linear in rows, whatever it believes of the tables.
 */
export async function compareOnetParts(client: PoolClient, before: OnetPartReleases, after: OnetPartReleases): Promise<OnetChanges> {
  const occupations = new Map<string, OccupationChange>();
  const change = (code: string): OccupationChange => {
    let found = occupations.get(code);
    if (!found) {
      found = {
        code,
        arrived: false,
        left: false,
        titleChanged: false,
        descriptionChanged: false,
        jobZoneChanged: false,
        tasks: { added: 0, removed: 0, reworded: 0 },
        changedTaskIds: [],
        alternateTitles: { added: 0, removed: 0 },
        technology: { added: 0, removed: 0 },
        related: { added: 0, removed: 0 },
        workStyles: noProfileChange(),
        workValues: noProfileChange(),
        workContext: noProfileChange(),
      };
      occupations.set(code, found);
    }
    return found;
  };
  const pair = (part: OnetPart): [number, number] | null => {
    const [a, b] = [before[part]?.id ?? -1, after[part]?.id ?? -1];
    return a === b ? null : [a, b];
  };

  const occupationPair = pair("occupations");
  if (occupationPair) {
    const rows = await client.query<{ code: string; arrived: boolean; left: boolean; title: boolean; description: boolean }>(
      `SELECT coalesce(a."code", b."code") AS "code", a."code" IS NULL AS "arrived", b."code" IS NULL AS "left",
              a."title" IS DISTINCT FROM b."title" AS "title", a."description" IS DISTINCT FROM b."description" AS "description"
         FROM (SELECT * FROM "OnetOccupation" WHERE "releaseId" = $1) a
         FULL JOIN (SELECT * FROM "OnetOccupation" WHERE "releaseId" = $2) b ON a."code" = b."code"
        WHERE a."code" IS NULL OR b."code" IS NULL OR a."title" IS DISTINCT FROM b."title" OR a."description" IS DISTINCT FROM b."description"`,
      occupationPair,
    );
    for (const row of rows.rows) Object.assign(change(row.code), { arrived: row.arrived, left: row.left, titleChanged: !row.arrived && !row.left && row.title, descriptionChanged: !row.arrived && !row.left && row.description });
  }

  const jobZonePair = pair("jobZones");
  if (jobZonePair) {
    const rows = await client.query<{ code: string }>(
      `SELECT a."code" FROM (SELECT * FROM "OnetOccupation" WHERE "releaseId" = $1) a
         JOIN (SELECT * FROM "OnetOccupation" WHERE "releaseId" = $2) b ON a."code" = b."code"
        WHERE a."jobZone" IS DISTINCT FROM b."jobZone"`,
      jobZonePair,
    );
    for (const row of rows.rows) change(row.code).jobZoneChanged = true;
  }

  const taskPair = pair("tasks");
  if (taskPair) {
    const rows = await client.query<{ code: string; taskId: number; kind: "added" | "removed" | "reworded" }>(
      `SELECT coalesce(a."occupationCode", b."occupationCode") AS "code", coalesce(a."taskId", b."taskId") AS "taskId",
              CASE WHEN a."taskId" IS NULL THEN 'added' WHEN b."taskId" IS NULL THEN 'removed' ELSE 'reworded' END AS "kind"
         FROM (SELECT * FROM "Task" WHERE "releaseId" = $1) a
         FULL JOIN (SELECT * FROM "Task" WHERE "releaseId" = $2) b ON a."occupationCode" = b."occupationCode" AND a."taskId" = b."taskId"
        WHERE a."taskId" IS NULL OR b."taskId" IS NULL OR a."statement" IS DISTINCT FROM b."statement"`,
      taskPair,
    );
    for (const row of rows.rows) {
      const occupation = change(row.code);
      occupation.tasks[row.kind] += 1;
      if (row.kind !== "added") occupation.changedTaskIds.push(row.taskId);
    }
  }

  const lists: { part: OnetPart; key: "alternateTitles" | "technology" | "related"; select: string }[] = [
    { part: "alternateTitles", key: "alternateTitles", select: `SELECT DISTINCT "occupationCode", "title" AS "item" FROM "AlternateTitle" WHERE "kind" = 'ALTERNATE' AND "releaseId" = ` },
    { part: "technology", key: "technology", select: `SELECT DISTINCT "occupationCode", "example" AS "item" FROM "TechnologySkill" WHERE "releaseId" = ` },
    { part: "related", key: "related", select: `SELECT "occupationCode", "relatedCode" AS "item" FROM "RelatedOccupation" WHERE "releaseId" = ` },
  ];
  for (const { part, key, select } of lists) {
    const ids = pair(part);
    if (!ids) continue;
    const rows = await client.query<{ code: string; added: number; removed: number }>(
      `SELECT coalesce(a."occupationCode", b."occupationCode") AS "code",
              count(*) FILTER (WHERE a."item" IS NULL)::int AS "added", count(*) FILTER (WHERE b."item" IS NULL)::int AS "removed"
         FROM (${select}$1) a FULL JOIN (${select}$2) b ON a."occupationCode" = b."occupationCode" AND a."item" = b."item"
        WHERE a."item" IS NULL OR b."item" IS NULL
        GROUP BY 1`,
      ids,
    );
    for (const row of rows.rows) change(row.code)[key] = { added: row.added, removed: row.removed };
  }

  // Work profile lists: an element is the same when its value, rank and most common answer are.
  const profiles = [
    { part: "workStyles", domain: "WORK_STYLE" },
    { part: "workValues", domain: "WORK_VALUE" },
    { part: "workContext", domain: "WORK_CONTEXT" },
  ] as const;
  for (const { part, domain } of profiles) {
    const ids = pair(part);
    if (!ids) continue;
    const rows = await client.query<ProfileChange & { code: string }>(
      `SELECT coalesce(a."occupationCode", b."occupationCode") AS "code",
              count(*) FILTER (WHERE a."elementId" IS NULL)::int AS "added", count(*) FILTER (WHERE b."elementId" IS NULL)::int AS "removed",
              count(*) FILTER (WHERE a."elementId" IS NOT NULL AND b."elementId" IS NOT NULL)::int AS "rerated"
         FROM (SELECT * FROM "WorkProfileScore" WHERE "releaseId" = $1 AND "domain" = $3::"WorkProfileDomain") a
         FULL JOIN (SELECT * FROM "WorkProfileScore" WHERE "releaseId" = $2 AND "domain" = $3::"WorkProfileDomain") b
           ON a."occupationCode" = b."occupationCode" AND a."elementId" = b."elementId"
        WHERE a."elementId" IS NULL OR b."elementId" IS NULL
           OR (a."scale", a."value", a."distinctiveness", a."topCategory") IS DISTINCT FROM (b."scale", b."value", b."distinctiveness", b."topCategory")
        GROUP BY 1`,
      [...ids, domain],
    );
    for (const row of rows.rows) change(row.code)[part] = { added: row.added, removed: row.removed, rerated: row.rerated };
  }

  // An occupation that arrived or left is described as such, not by its rows one by one.
  for (const occupation of occupations.values()) {
    if (occupation.arrived || occupation.left) {
      Object.assign(occupation, {
        tasks: { added: 0, removed: 0, reworded: 0 },
        alternateTitles: { added: 0, removed: 0 },
        technology: { added: 0, removed: 0 },
        related: { added: 0, removed: 0 },
        workStyles: noProfileChange(),
        workValues: noProfileChange(),
        workContext: noProfileChange(),
      });
    }
  }
  return { fromVersion: before.occupations?.version ?? "none", toVersion: after.occupations?.version ?? "none", occupations };
}

/** "3 tasks reworded, 2 alternate titles added": what a release did to one page, in a line. */
export function describeOccupationChange(change: OccupationChange): string {
  if (change.arrived) return "new occupation in this release";
  if (change.left) return "no longer in this release";
  const parts: string[] = [];
  const count = (n: number, one: string, many: string, verb: string) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many} ${verb}`);
  };
  if (change.titleChanged) parts.push("title changed");
  if (change.descriptionChanged) parts.push("description changed");
  count(change.tasks.reworded, "task", "tasks", "reworded");
  count(change.tasks.added, "task", "tasks", "added");
  count(change.tasks.removed, "task", "tasks", "removed");
  count(change.alternateTitles.added, "alternate title", "alternate titles", "added");
  count(change.alternateTitles.removed, "alternate title", "alternate titles", "removed");
  count(change.technology.added, "technology skill", "technology skills", "added");
  count(change.technology.removed, "technology skill", "technology skills", "removed");
  count(change.related.added, "related occupation", "related occupations", "added");
  count(change.related.removed, "related occupation", "related occupations", "removed");
  for (const [key, one, many] of [["workStyles", "work style", "work styles"], ["workValues", "work value", "work values"], ["workContext", "work context element", "work context elements"]] as const) {
    count(change[key].added, one, many, "added");
    count(change[key].removed, one, many, "removed");
    count(change[key].rerated, one, many, "rated differently");
  }
  if (change.jobZoneChanged) parts.push("job zone changed");
  return parts.join(", ");
}
