import { z } from "zod";

/** GET /api/health: ok with the round trip in milliseconds, or unavailable (503), never the reason. */
export const ZDatabaseHealthSchema = z
  .discriminatedUnion("status", [z.object({ status: z.literal("ok"), databaseMs: z.number().int() }).strict(), z.object({ status: z.literal("unavailable") }).strict()])
  .meta({ id: "Health", example: { status: "ok", databaseMs: 3 } });

export type DatabaseHealth = z.infer<typeof ZDatabaseHealthSchema>;
