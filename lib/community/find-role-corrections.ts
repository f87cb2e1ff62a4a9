import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleCommunity, RoleCorrection } from "@/lib/roles/role-page.types";
import { CORRECTION_FIELDS, parseStoredValue, type TCorrectionField, type TFieldValue } from "./fields";
import { findOfficialValues } from "./official-values";

/**
 * The approved corrections of one role page, each with the official value it stands in for
 * (plain data for the page, its JSON and its Markdown). Official rows are read only when
 * the page has corrections.
 */
export async function findRoleCorrections(occupationCode: string, slug: string): Promise<RoleCommunity> {
  const history = `/roles/${slug}/history`;
  const [rows, latest, lastEdit, conflicts] = await Promise.all([
    prisma.communityValue.findMany({
      where: { occupationCode, field: { in: [...CORRECTION_FIELDS] } },
      orderBy: [{ field: "asc" }, { revisionNumber: "asc" }],
      select: { field: true, itemKey: true, value: true, removed: true, revisionNumber: true },
    }),
    prisma.revision.findFirst({ where: { occupationCode }, orderBy: { number: "desc" }, select: { number: true } }),
    // "Last edited" is the community's last change: a release import is official data, said by "data as of".
    prisma.revision.findFirst({ where: { occupationCode, kind: { not: "RELEASE" } }, orderBy: { number: "desc" }, select: { createdAt: true } }),
    prisma.releaseConflict.findMany({ where: { occupationCode, resolvedAt: null }, select: { field: true, itemKey: true, fromVersion: true, toVersion: true } }),
  ]);
  const conflictOf = new Map(conflicts.map((c) => [`${c.field}|${c.itemKey}`, c]));
  const community: RoleCommunity = { corrections: [], latestRevision: latest?.number ?? 0, lastEditedAt: lastEdit?.createdAt.toISOString() ?? null, historyUrl: history };
  if (rows.length === 0) return community;

  const official = await findOfficialValues(occupationCode);
  const relatedValue = rows.find((row) => row.field === "RELATED_CAREERS");
  const relatedCodes = relatedValue ? listItems(parseStoredValue("RELATED_CAREERS", relatedValue.value)) : [];
  const occupations = relatedCodes.length
    ? await prisma.occupation.findMany({ where: { code: { in: relatedCodes } }, select: { code: true, slug: true, title: true } })
    : [];
  const byCode = new Map(occupations.map((o) => [o.code, o]));

  community.corrections = rows.map((row): RoleCorrection => {
    const field = row.field as TCorrectionField;
    const value = row.removed ? null : plain(parseStoredValue(field, row.value));
    const officialValue = field === "TASK" ? (official.tasks.find((task) => task.itemKey === row.itemKey)?.statement ?? null) : plain(official[field]);
    const correction: RoleCorrection = {
      origin: "community",
      field,
      itemKey: row.itemKey,
      value,
      removed: row.removed,
      official: officialValue,
      revision: row.revisionNumber,
      historyUrl: `${history}#r${row.revisionNumber}`,
      releaseConflict: releaseConflictNote(conflictOf.get(`${row.field}|${row.itemKey}`)),
    };
    if (field === "RELATED_CAREERS" && Array.isArray(value)) {
      correction.roles = value.flatMap((code) => {
        const occupation = byCode.get(code);
        return occupation ? [occupation] : [];
      });
    }
    return correction;
  });
  return community;
}

function releaseConflictNote(conflict: { fromVersion: string; toVersion: string } | undefined): RoleCorrection["releaseConflict"] {
  if (!conflict) return null;
  return { fromVersion: conflict.fromVersion, toVersion: conflict.toVersion, note: `O*NET ${conflict.toVersion} changed the official text; under review` };
}

/** A stored field value as plain JSON: its text, or its list of items. */
function plain(value: TFieldValue | null): string | string[] | null {
  if (value === null) return null;
  if ("text" in value) return value.text;
  if ("statement" in value) return value.statement;
  return value.items;
}

function listItems(value: TFieldValue | null): string[] {
  return value && "items" in value ? value.items : [];
}
