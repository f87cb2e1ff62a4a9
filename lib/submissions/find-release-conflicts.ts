import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS, fieldShape, isCorrectionField, parseStoredValue, valueToText } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";

export interface ReleaseConflictItem {
  id: string;
  occupationCode: string;
  occupationTitle: string;
  slug: string;
  fieldLabel: string;
  itemKey: string;
  /** "list" fields take one item per line when updated. */
  shape: "text" | "task" | "list";
  fromVersion: string;
  toVersion: string;
  /** Plain text; null when the official data had (or has) no such item. */
  officialBefore: string | null;
  officialAfter: string | null;
  communityValue: string | null;
  detectedAt: Date;
}

/** Open release conflicts, oldest first: what moderators keep, update or retire. */
export async function findReleaseConflicts({ actor, limit = 100 }: { actor: Actor | null; limit?: number }): Promise<{ items: ReleaseConflictItem[]; open: number }> {
  assertCan(actor, "moderation:view-queue");
  const [rows, open] = await Promise.all([
    prisma.releaseConflict.findMany({ where: { resolvedAt: null }, orderBy: [{ detectedAt: "asc" }, { id: "asc" }], take: limit }),
    prisma.releaseConflict.count({ where: { resolvedAt: null } }),
  ]);
  const occupations = await prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true, slug: true } });
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  const text = (field: (typeof rows)[number]["field"], value: unknown) => {
    const parsed = parseStoredValue(field, value);
    return parsed === null ? null : valueToText(parsed);
  };
  const items = rows.flatMap((row): ReleaseConflictItem[] => {
    if (!isCorrectionField(row.field)) return [];
    const occupation = byCode.get(row.occupationCode);
    return [
      {
        id: row.id,
        occupationCode: row.occupationCode,
        occupationTitle: occupation?.title ?? row.occupationCode,
        slug: occupation?.slug ?? row.occupationCode,
        fieldLabel: FIELD_LABELS[row.field],
        itemKey: row.itemKey,
        shape: fieldShape(row.field),
        fromVersion: row.fromVersion,
        toVersion: row.toVersion,
        officialBefore: text(row.field, row.officialBefore),
        officialAfter: text(row.field, row.officialAfter),
        communityValue: text(row.field, row.communityValue),
        detectedAt: row.detectedAt,
      },
    ];
  });
  return { items, open };
}
