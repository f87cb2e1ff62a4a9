import type { PoolClient } from "pg";
import { compareOnetParts, describeOccupationChange, type OccupationChange, type OnetChanges } from "@/lib/releases/compare-onet-parts";
import { findOnetPartReleases, type OnetPartReleases } from "@/lib/releases/onet-part-releases";
import { notifyReleaseWatchers } from "@/lib/watches/notify-release-watchers";
import { CORRECTION_FIELDS, isAddedItemKey, isListField, LEGACY_LIST_KEY, type TCorrectionField, type TFieldValue } from "./fields";

/** Who release revisions and conflicts are attributed to: the import, not a person. */
export const RELEASE_ACTOR_ID = "official-release-import";

export interface FlaggedConflict {
  occupationCode: string;
  field: TCorrectionField;
  itemKey: string;
}

export interface ReleaseChangeReport {
  changes: OnetChanges;
  conflicts: FlaggedConflict[];
}

/**
 * Watches the O*NET import's transaction (runImport's `watch`): notes which releases pages
 * showed before, and after the import (before COMMIT, in the same transaction) compares them.
 * Each approved correction whose official base changed or disappeared gets a release conflict
 * (it stays on the page, flagged, until a moderator resolves it), and each page the release
 * changed gets one revision saying what changed. Community values themselves are never touched.
 */
export function watchOfficialReleases(onReport: (report: ReleaseChangeReport) => void) {
  return async (client: PoolClient, dataset: string): Promise<(() => Promise<void>) | null> => {
    if (dataset !== "onet") return null;
    const before = await findOnetPartReleases(client);
    return async () => {
      const after = await findOnetPartReleases(client);
      // The first import changes nothing a page showed before: there was no page.
      if (!before.occupations || JSON.stringify(before) === JSON.stringify(after)) return;
      const changes = await compareOnetParts(client, before, after);
      const conflicts = await flagReleaseConflicts(client, changes, before, after);
      // The pages' watchers are told in the same transaction: they hear of exactly the revisions written.
      await notifyReleaseWatchers(client, await recordReleaseRevisions(client, changes));
      onReport({ changes, conflicts });
    };
  };
}

/**
 * Does the change touch the official value this correction was laid over? For one list item
 * (`onet:<item>`) only when the list changed at all: the item itself is then compared (below);
 * an item practitioners added has no official base.
 */
function baseChanged(change: OccupationChange, field: TCorrectionField, itemKey: string): boolean {
  if (change.left) return true;
  if (isListField(field) && itemKey !== LEGACY_LIST_KEY && isAddedItemKey(itemKey)) return false;
  switch (field) {
    case "DESCRIPTION":
      return change.descriptionChanged;
    case "TASK":
      return itemKey.startsWith("onet:") && change.changedTaskIds.includes(Number(itemKey.slice("onet:".length)));
    case "ALTERNATE_TITLES":
      return change.alternateTitles.added + change.alternateTitles.removed > 0;
    case "TECHNOLOGY_SKILLS":
      return change.technology.added + change.technology.removed > 0;
    case "RELATED_CAREERS":
      return change.related.added + change.related.removed > 0;
    case "EDUCATION":
      return change.jobZoneChanged;
    case "PAY_OUTLOOK_NOTE":
      return false;
  }
}

async function flagReleaseConflicts(client: PoolClient, changes: OnetChanges, before: OnetPartReleases, after: OnetPartReleases): Promise<FlaggedConflict[]> {
  const codes = [...changes.occupations.keys()];
  if (codes.length === 0) return [];
  const values = await client.query<{ occupationCode: string; field: TCorrectionField; itemKey: string; value: unknown }>(
    `SELECT "occupationCode", "field"::text AS "field", "itemKey", "value" FROM "CommunityValue"
      WHERE "occupationCode" = ANY($1::text[]) AND "field"::text = ANY($2::text[])`,
    [codes, [...CORRECTION_FIELDS]],
  );
  const flagged: FlaggedConflict[] = [];
  for (const row of values.rows) {
    const change = changes.occupations.get(row.occupationCode)!;
    if (!baseChanged(change, row.field, row.itemKey)) continue;
    const [officialBefore, officialAfter] = await Promise.all([
      officialValueAt(client, before, row.occupationCode, row.field, row.itemKey),
      officialValueAt(client, after, row.occupationCode, row.field, row.itemKey),
    ]);
    // A list item correction is flagged when its own official item changed or vanished, not for the list's other changes.
    const itemUnchanged = isListField(row.field) && row.itemKey !== LEGACY_LIST_KEY && !change.left && JSON.stringify(officialBefore) === JSON.stringify(officialAfter);
    if (itemUnchanged) continue;
    // One open conflict per item: a further release moves its "new official" on.
    const updated = await client.query(
      `UPDATE "ReleaseConflict" SET "toVersion" = $4, "officialAfter" = $5::jsonb, "communityValue" = $6::jsonb, "detectedAt" = now()
        WHERE "occupationCode" = $1 AND "field" = $2::"CommunityField" AND "itemKey" = $3 AND "resolvedAt" IS NULL`,
      [row.occupationCode, row.field, row.itemKey, changes.toVersion, json(officialAfter), json(row.value)],
    );
    if ((updated.rowCount ?? 0) === 0) {
      await client.query(
        `INSERT INTO "ReleaseConflict" ("id", "occupationCode", "field", "itemKey", "fromVersion", "toVersion", "officialBefore", "officialAfter", "communityValue")
         VALUES ('rc_' || md5(random()::text || clock_timestamp()::text), $1, $2::"CommunityField", $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb)`,
        [row.occupationCode, row.field, row.itemKey, changes.fromVersion, changes.toVersion, json(officialBefore), json(officialAfter), json(row.value)],
      );
    }
    flagged.push({ occupationCode: row.occupationCode, field: row.field, itemKey: row.itemKey });
  }
  return flagged;
}

/**
 * One revision per page the release changed ("O*NET 30.1: 3 tasks reworded, ..."), numbered
 * after the page's latest under its page lock, as approvals are.
 */
async function recordReleaseRevisions(client: PoolClient, changes: OnetChanges): Promise<string[]> {
  const changed = [...changes.occupations.values()].map((change) => ({ code: change.code, summary: describeOccupationChange(change) })).filter((c) => c.summary);
  if (changed.length === 0) return [];
  const codes = changed.map((c) => c.code).sort();
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('page:' || code)) FROM unnest($1::text[]) AS code`, [codes]);
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO "Revision" ("id", "occupationCode", "number", "kind", "field", "itemKey", "before", "after", "actorId")
     SELECT 'rr_' || md5(random()::text || t.code), t.code,
            coalesce((SELECT max(r."number") FROM "Revision" r WHERE r."occupationCode" = t.code), 0) + 1,
            'RELEASE', 'OFFICIAL_DATA', $3, '{"official": true, "value": null}'::jsonb,
            jsonb_build_object('official', true, 'value', null, 'release', $4::text, 'summary', t.summary), $5
       FROM unnest($1::text[], $2::text[]) AS t(code, summary)
     RETURNING "id"`,
    [changed.map((c) => c.code), changed.map((c) => c.summary), `onet:${changes.toVersion}`, `O*NET ${changes.toVersion}`, RELEASE_ACTOR_ID],
  );
  return inserted.rows.map((row) => row.id);
}

/** The official value of one correctable item under a set of part releases (what a page showed). */
async function officialValueAt(client: PoolClient, parts: OnetPartReleases, code: string, field: TCorrectionField, itemKey: string): Promise<TFieldValue | null> {
  const id = (part: keyof OnetPartReleases) => parts[part]?.id ?? -1;
  // A whole list (item key ""), or the one official item an item key names (`onet:<item without case>`).
  const list = async (sql: string, releaseId: number) => {
    if (itemKey === LEGACY_LIST_KEY) {
      const rows = await client.query<{ item: string }>(sql, [releaseId, code]);
      return rows.rows.length ? { items: rows.rows.map((row) => row.item) } : null;
    }
    if (!itemKey.startsWith("onet:")) return null;
    const rows = await client.query<{ item: string }>(`SELECT * FROM (${sql}) AS l WHERE lower(l."item") = $3 LIMIT 1`, [releaseId, code, itemKey.slice("onet:".length)]);
    return rows.rows[0] ? { item: rows.rows[0].item } : null;
  };
  switch (field) {
    case "DESCRIPTION": {
      const row = await client.query<{ text: string }>(`SELECT "description" AS "text" FROM "OnetOccupation" WHERE "releaseId" = $1 AND "code" = $2`, [id("occupations"), code]);
      return row.rows[0] ? { text: row.rows[0].text } : null;
    }
    case "TASK": {
      if (!itemKey.startsWith("onet:")) return null;
      const row = await client.query<{ statement: string }>(`SELECT "statement" FROM "Task" WHERE "releaseId" = $1 AND "occupationCode" = $2 AND "taskId" = $3`, [
        id("tasks"),
        code,
        Number(itemKey.slice("onet:".length)),
      ]);
      return row.rows[0] ? { statement: row.rows[0].statement } : null;
    }
    case "ALTERNATE_TITLES":
      return list(`SELECT "title" AS "item" FROM "AlternateTitle" WHERE "releaseId" = $1 AND "occupationCode" = $2 AND "kind" = 'ALTERNATE' ORDER BY "position"`, id("alternateTitles"));
    case "TECHNOLOGY_SKILLS":
      return list(`SELECT DISTINCT "example" AS "item" FROM "TechnologySkill" WHERE "releaseId" = $1 AND "occupationCode" = $2 ORDER BY 1`, id("technology"));
    case "RELATED_CAREERS":
      return list(`SELECT "relatedCode" AS "item" FROM "RelatedOccupation" WHERE "releaseId" = $1 AND "occupationCode" = $2 ORDER BY "position"`, id("related"));
    case "EDUCATION": {
      const row = await client.query<{ text: string }>(
        `SELECT r."education" AS "text" FROM "OnetOccupation" o JOIN "JobZoneReference" r ON r."releaseId" = $3 AND r."zone" = o."jobZone"
          WHERE o."releaseId" = $1 AND o."code" = $2`,
        [id("jobZones"), code, id("jobZoneReference")],
      );
      return row.rows[0] ? { text: row.rows[0].text } : null;
    }
    case "PAY_OUTLOOK_NOTE":
      return null;
  }
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

const PROFILE_NAMES = { workStyles: "work styles", workValues: "work values", workContext: "work context elements" } as const;

/** The dry run's and the import's closing lines: occupations added, removed, changed; corrections flagged. */
export function formatReleaseChangeReport({ changes, conflicts }: ReleaseChangeReport, dryRun: boolean): string {
  const all = [...changes.occupations.values()];
  const arrived = all.filter((c) => c.arrived).length;
  const left = all.filter((c) => c.left).length;
  const changed = all.filter((c) => !c.arrived && !c.left && describeOccupationChange(c)).length;
  const sum = (pick: (c: OccupationChange) => number) => all.reduce((total, c) => total + pick(c), 0);
  const byField = new Map<string, number>();
  for (const conflict of conflicts) byField.set(conflict.field, (byField.get(conflict.field) ?? 0) + 1);
  const lines = [
    `O*NET ${changes.fromVersion} → ${changes.toVersion}${dryRun ? " (dry run: nothing written)" : ""}`,
    `  occupations: ${arrived} added, ${left} removed, ${changed} changed`,
    `  tasks: ${sum((c) => c.tasks.reworded)} reworded, ${sum((c) => c.tasks.added)} added, ${sum((c) => c.tasks.removed)} removed`,
    `  alternate titles: ${sum((c) => c.alternateTitles.added)} added, ${sum((c) => c.alternateTitles.removed)} removed`,
    `  technology skills: ${sum((c) => c.technology.added)} added, ${sum((c) => c.technology.removed)} removed`,
    `  related occupations: ${sum((c) => c.related.added)} added, ${sum((c) => c.related.removed)} removed`,
    ...(["workStyles", "workValues", "workContext"] as const).map(
      (key) => `  ${PROFILE_NAMES[key]}: ${sum((c) => c[key].added)} added, ${sum((c) => c[key].removed)} removed, ${sum((c) => c[key].rerated)} rated differently`,
    ),
    `  job zones changed: ${all.filter((c) => c.jobZoneChanged).length}; descriptions changed: ${all.filter((c) => c.descriptionChanged).length}`,
    `  community corrections whose official base changed: ${conflicts.length}${byField.size ? ` (${[...byField].map(([field, n]) => `${field} ${n}`).join(", ")})` : ""}`,
    ...conflicts.slice(0, 50).map((c) => `    ${c.occupationCode} ${c.field}${c.itemKey ? ` ${c.itemKey}` : ""}`),
  ];
  if (conflicts.length > 50) lines.push(`    … and ${conflicts.length - 50} more`);
  return `${lines.join("\n")}\n`;
}
