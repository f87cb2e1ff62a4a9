import type { ExposureValue } from "./exposure-rows";

export const NOT_IN_CROSSWALK = "SOC 2010 code not in the BLS 2010→2018 crosswalk (its value still counts in the percentiles)";

/**
 * SOC 2010 values → SOC 2018 codes. A 2010 code that splits gives each successor its
 * value; several 2010 codes that merge into one 2018 code give the mean of their values
 * (unweighted: the files carry no employment). `sourceCodes` names the 2010 codes used,
 * and is empty when the only one is the 2018 code itself.
 */
export function mapSoc2010ToSoc2018(
  values: readonly ExposureValue[],
  successors: ReadonlyMap<string, readonly string[]>,
  skipped: Map<string, number>,
): ExposureValue[] {
  const predecessors = new Map<string, ExposureValue[]>();
  for (const value of values) {
    const codes2018 = successors.get(value.code);
    if (!codes2018) {
      skipped.set(NOT_IN_CROSSWALK, (skipped.get(NOT_IN_CROSSWALK) ?? 0) + 1);
      continue;
    }
    for (const code of codes2018) predecessors.set(code, [...(predecessors.get(code) ?? []), value]);
  }
  return [...predecessors]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, from]) => {
      const sourceCodes = from.map((value) => value.code).sort();
      return {
        code,
        value: from.reduce((sum, value) => sum + value.value, 0) / from.length,
        sourceCodes: sourceCodes.length === 1 && sourceCodes[0] === code ? [] : sourceCodes,
        source: from[0]!.source,
      };
    });
}
