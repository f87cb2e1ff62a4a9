import { DatasetFileError } from "../dataset-error";

/**
 * Table 1.2's column names carry the projection period ("Employment, 2024",
 * "Employment change, numeric, 2024–34"). They are found from the header, so the next
 * release (2025–35) reads without a code change. Keys are the names used in ZProjectionRow.
 */
export interface ProjectionColumns {
  title: string;
  code: string;
  occupationType: string;
  employmentBase: string;
  employmentProjected: string;
  changeNumeric: string;
  changePercent: string;
  selfEmployedPercent: string;
  annualOpenings: string;
  medianAnnualWage: string;
  entryEducation: string;
  workExperience: string;
  onTheJobTraining: string;
}

export interface ProjectionPeriod {
  baseYear: number;
  projectedYear: number;
}

/** Column name patterns; `B` is the base year, `P` the projected year, `p` its last two digits. */
function patterns({ baseYear: b, projectedYear: p }: ProjectionPeriod): Record<keyof ProjectionColumns, RegExp> {
  const span = `${b}[–-](${String(p).slice(2)}|${p})`;
  return {
    title: /^\d{4} National Employment Matrix title$/,
    code: /^\d{4} National Employment Matrix code$/,
    occupationType: /^Occupation type$/,
    employmentBase: new RegExp(`^Employment, ${b}$`),
    employmentProjected: new RegExp(`^Employment, ${p}$`),
    changeNumeric: new RegExp(`^Employment change, numeric, ${span}$`),
    changePercent: new RegExp(`^Employment change, percent, ${span}$`),
    selfEmployedPercent: new RegExp(`^Percent self employed, ${b}$`),
    annualOpenings: new RegExp(`^Occupational openings, ${span} annual average$`),
    medianAnnualWage: /^Median annual wage, dollars, \d{4}(\[\d+\])?$/,
    entryEducation: /^Typical education needed for entry$/,
    workExperience: /^Work experience in a related occupation$/,
    onTheJobTraining: /^Typical on-the-job training needed to attain competency in the occupation$/,
  };
}

/** The period from the two "Employment, YYYY" columns, then every column by its pattern. */
export function findProjectionColumns(header: readonly string[], fileLabel: string, headerLine: number): { columns: ProjectionColumns; period: ProjectionPeriod } {
  const years = header.map((name) => /^Employment, (\d{4})$/.exec(name)?.[1]).filter((year): year is string => Boolean(year)).map(Number);
  if (years.length !== 2) {
    throw new DatasetFileError(fileLabel, headerLine, "Employment, <year>", `expected two "Employment, <year>" columns (base and projected year), found ${years.length}`);
  }
  const period = { baseYear: Math.min(...years), projectedYear: Math.max(...years) };
  const columns = {} as ProjectionColumns;
  for (const [key, pattern] of Object.entries(patterns(period)) as [keyof ProjectionColumns, RegExp][]) {
    const name = header.find((column) => pattern.test(column));
    if (!name) throw new DatasetFileError(fileLabel, headerLine, pattern.source.replace(/^\^|\$$/g, ""), "header lacks this column");
    columns[key] = name;
  }
  return { columns, period };
}
