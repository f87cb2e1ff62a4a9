import { z } from "zod";

/** /api/roles/<code>: an O*NET-SOC 2019 code such as 15-1299.05. */
export const ZGetRoleApiParamsSchema = z.object({
  code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, "expected an O*NET-SOC code like 15-1299.05"),
});

export type TGetRoleApiParams = z.infer<typeof ZGetRoleApiParamsSchema>;
