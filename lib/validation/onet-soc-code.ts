/**
 * The O*NET-SOC 2019 code (15-1299.05): an occupation's key in URLs, the API, the published
 * files and the forms. Universal and zod-free: client forms, use cases and the importer share
 * it (the zod schema is in onet-soc-code.schema.ts, so forms do not bundle zod).
 */
export const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

const CODE_AT_LINE_START = /^(\d{2}-\d{4}\.\d{2})(?=\s|$)/;

/** The code a line starts with when the occupation's title may follow it ("15-1252.00 Software Developers"); else null. */
export function onetSocCodeAtLineStart(line: string): string | null {
  return CODE_AT_LINE_START.exec(line)?.[1] ?? null;
}
