import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";

/** /api/roles/<code>: an O*NET-SOC 2019 code such as 15-1299.05. */
export const ZGetRoleApiParamsSchema = z.object({
  code: ZOnetSocCodeSchema,
});
