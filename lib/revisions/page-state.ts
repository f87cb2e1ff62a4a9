import "server-only";
import { z } from "zod";
import { getOfficialValue } from "@/lib/community/official-values";
import { parseStoredValue, type TCorrectionField, type TFieldValue } from "@/lib/community/fields";
import type { Tx } from "@/lib/db/transaction";
import type { CommunityField } from "@/lib/generated/prisma/enums";

/**
 * What a page shows for one (field, item) at some point: the official value, or a
 * community value (null value = the community removed the item). Revisions store one of
 * these before and after each change.
 */
export interface FieldState {
  official: boolean;
  value: TFieldValue | null;
}

const ZStoredStateSchema = z.object({ official: z.boolean(), value: z.unknown() });

export function parseFieldState(field: CommunityField, stored: unknown): FieldState {
  const parsed = ZStoredStateSchema.safeParse(stored);
  if (!parsed.success) return { official: true, value: null };
  return { official: parsed.data.official, value: parseStoredValue(field, parsed.data.value) };
}

/** Serialisable form for Revision.before/after and audit entries. */
export function toStoredState(state: FieldState) {
  return { official: state.official, value: state.value };
}

/** Takes the page's lock for the rest of the transaction: revisions of one page get numbers one at a time. */
export async function lockPage(tx: Tx, occupationCode: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`page:${occupationCode}`}))`;
}

export async function latestRevisionNumber(tx: Tx, occupationCode: string): Promise<number> {
  const latest = await tx.revision.findFirst({ where: { occupationCode }, orderBy: { number: "desc" }, select: { number: true } });
  return latest?.number ?? 0;
}

/**
 * The state of (field, item) right after revision `number` (null = now): the `after` of the
 * last revision up to it that touched the item, or the official value when none did.
 */
export async function getFieldState(tx: Tx, occupationCode: string, field: TCorrectionField, itemKey: string, number: number | null = null): Promise<FieldState> {
  const last = await tx.revision.findFirst({
    where: { occupationCode, field, itemKey, ...(number === null ? {} : { number: { lte: number } }) },
    orderBy: { number: "desc" },
    select: { after: true },
  });
  if (last) return parseFieldState(field, last.after);
  return { official: true, value: await getOfficialValue(occupationCode, field, itemKey, tx) };
}
