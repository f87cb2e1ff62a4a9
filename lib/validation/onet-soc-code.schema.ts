import { z } from "zod";
import { ONET_SOC_CODE } from "./onet-soc-code";

export const ZOnetSocCodeSchema = z.string().regex(ONET_SOC_CODE, "expected an O*NET-SOC code like 15-1299.05");
