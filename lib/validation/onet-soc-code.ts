import { z } from "zod";

/**
 * The O*NET-SOC 2019 code (15-1299.05): an occupation's key in URLs, the API, the published
 * files and the forms. Universal: forms, use cases and the importer share it.
 */
export const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

export const ZOnetSocCodeSchema = z.string().regex(ONET_SOC_CODE, "expected an O*NET-SOC code like 15-1299.05");

const CODE_AT_LINE_START = /^(\d{2}-\d{4}\.\d{2})(?=\s|$)/;

/** The code a line starts with when the occupation's title may follow it ("15-1252.00 Software Developers"); else null. */
export function onetSocCodeAtLineStart(line: string): string | null {
  return CODE_AT_LINE_START.exec(line)?.[1] ?? null;
}
