import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { parseStoredValue, plainValue, type TListField } from "./fields";
import { applyListCorrections, type ListCorrection, type ShownList } from "./list-items";
import { findOfficialValues, officialListItems } from "./official-values";

/**
 * A list field of one page as readers see it now, item by item with its key: the official
 * items with the approved item corrections (and a whole-list correction stored before them)
 * laid over (lib/community/list-items.ts). What a list correction is based on and refers to.
 */
export async function findCurrentListItems(occupationCode: string, field: TListField, db: Tx = prisma): Promise<ShownList<ListCorrection>> {
  const [official, rows] = await Promise.all([
    findOfficialValues(occupationCode, db),
    db.communityValue.findMany({ where: { occupationCode, field }, orderBy: { revisionNumber: "asc" }, select: { itemKey: true, value: true, removed: true } }),
  ]);
  const corrections = rows.map((row): ListCorrection => ({ itemKey: row.itemKey, removed: row.removed, value: row.removed ? null : plainValue(parseStoredValue(field, row.value)) }));
  return applyListCorrections(officialListItems(official, field), corrections);
}
