import { z } from "zod";
import { AppErrorCode } from "@/lib/errors";

/**
 * Every JSON endpoint's error body (toErrorResponse, and the proxy's 400 for a malformed
 * address): the AppError code, or INTERNAL for an unexpected error, and a message a person can act on.
 */
export const ZErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum([...Object.values(AppErrorCode), "INTERNAL"]).describe("What went wrong, for a program: the same code for the same kind of refusal."),
      message: z.string().describe("What went wrong, for a person: what to change or when to try again."),
    }),
  })
  .meta({ id: "Error", example: { error: { code: "NOT_FOUND", message: "No occupation has the code 15-1299.05." } } });

export type TErrorResponse = z.infer<typeof ZErrorResponseSchema>;
