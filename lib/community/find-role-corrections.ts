import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RoleCommunity, RoleCorrection } from "@/lib/roles/role-page.types";
import { CORRECTION_FIELDS, isListField, LEGACY_LIST_KEY, officialListItemKey, parseStoredValue, plainValue, type TCorrectionField } from "./fields";
import { findOfficialValues, officialListItems, type OfficialValues } from "./official-values";

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
      select: { field: true, itemKey: true, value: true, removed: true, revisionNumber: true, submissionId: true },
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
  const relatedCodes = rows.filter((row) => row.field === "RELATED_CAREERS").flatMap((row) => plainValue(parseStoredValue("RELATED_CAREERS", row.value)) ?? []);
  const occupations = relatedCodes.length
    ? await prisma.occupation.findMany({ where: { code: { in: relatedCodes } }, select: { code: true, slug: true, title: true } })
    : [];
  const byCode = new Map(occupations.map((o) => [o.code, o]));

  community.corrections = rows.map((row): RoleCorrection => {
    const field = row.field as TCorrectionField;
    const value = row.removed ? null : plainValue(parseStoredValue(field, row.value));
    const officialValue = officialOf(official, field, row.itemKey);
    const correction: RoleCorrection = {
      origin: "community",
      field,
      itemKey: row.itemKey,
      value,
      removed: row.removed,
      official: officialValue,
      submissionId: row.submissionId,
      revision: row.revisionNumber,
      historyUrl: `${history}#r${row.revisionNumber}`,
      releaseConflict: releaseConflictNote(conflictOf.get(`${row.field}|${row.itemKey}`)),
    };
    if (field === "RELATED_CAREERS" && value !== null) {
      correction.roles = [value].flat().flatMap((code) => {
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

/** The official value a correction stands in for: a task's statement, a list item, or a whole value. */
function officialOf(official: OfficialValues, field: TCorrectionField, itemKey: string): string | string[] | null {
  if (field === "TASK") return official.tasks.find((task) => task.itemKey === itemKey)?.statement ?? null;
  if (isListField(field) && itemKey !== LEGACY_LIST_KEY) return officialListItems(official, field).find((item) => officialListItemKey(item) === itemKey) ?? null;
  return plainValue(official[field]);
}
