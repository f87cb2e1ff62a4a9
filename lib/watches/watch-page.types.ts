import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";

/** Which page to watch or stop watching: its O*NET-SOC code. */
export const ZWatchPageInputSchema = z.object({ occupationCode: ZOnetSocCodeSchema });
export type TWatchPageInput = z.infer<typeof ZWatchPageInputSchema>;
