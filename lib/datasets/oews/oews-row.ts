import { z } from "zod";
import { cellNumberOrMarker, ZCellText, ZCellTrueOrEmpty, ZSocCode } from "../cells";

/** The 32 columns of every OEWS `*_dl.xlsx` file (national, state, MSA), in BLS's order. */
export const OEWS_COLUMNS = [
  "AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE",
  "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL",
  "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
  "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY",
] as const;

/**
 * The columns every OEWS file must have, read by name: the subset the state CSV on hand
 * publishes (bls/oews_state_M2024.csv). The other OEWS_COLUMNS are read when present
 * (all 32 in BLS's own .xlsx files) and are empty otherwise.
 */
export const OEWS_REQUIRED_COLUMNS = [
  "AREA", "AREA_TITLE", "PRIM_STATE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "JOBS_1000", "LOC_QUOTIENT",
  "H_MEAN", "A_MEAN", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90",
] as const satisfies readonly (typeof OEWS_COLUMNS)[number][];

/** Wage table column → OEWS column. */
export const WAGE_COLUMNS = {
  hourlyMean: "H_MEAN",
  annualMean: "A_MEAN",
  hourlyP10: "H_PCT10",
  hourlyP25: "H_PCT25",
  hourlyMedian: "H_MEDIAN",
  hourlyP75: "H_PCT75",
  hourlyP90: "H_PCT90",
  annualP10: "A_PCT10",
  annualP25: "A_PCT25",
  annualMedian: "A_MEDIAN",
  annualP75: "A_PCT75",
  annualP90: "A_PCT90",
} as const;

type WageField = keyof typeof WAGE_COLUMNS;

/** `*` not available, `**` employment not available, `#` at or above the top of BLS's wage range. */
const ZOewsWage = cellNumberOrMarker(["*", "**", "#"]);

const ZOewsEmployment = cellNumberOrMarker(["*", "**"]).refine(
  (value) => typeof value !== "number" || (Number.isInteger(value) && value >= 0),
  "expected a whole number of jobs",
);

/** A column absent from a file (the state CSV has 18 of the 32) reads as an empty cell. */
const absentIsEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? null, schema);

const ZOewsFigure = cellNumberOrMarker(["*", "**"]);

export const ZOewsRow = z.object({
  AREA: ZCellText,
  AREA_TITLE: ZCellText,
  PRIM_STATE: ZCellText,
  OCC_CODE: ZSocCode,
  OCC_TITLE: ZCellText,
  O_GROUP: z.enum(["total", "major", "minor", "broad", "detailed"], "expected total, major, minor, broad or detailed"),
  TOT_EMP: ZOewsEmployment,
  EMP_PRSE: absentIsEmpty(ZOewsFigure),
  JOBS_1000: ZOewsFigure,
  LOC_QUOTIENT: ZOewsFigure,
  H_MEAN: ZOewsWage,
  A_MEAN: ZOewsWage,
  H_PCT10: absentIsEmpty(ZOewsWage),
  H_PCT25: absentIsEmpty(ZOewsWage),
  H_MEDIAN: ZOewsWage,
  H_PCT75: absentIsEmpty(ZOewsWage),
  H_PCT90: absentIsEmpty(ZOewsWage),
  A_PCT10: ZOewsWage,
  A_PCT25: ZOewsWage,
  A_MEDIAN: ZOewsWage,
  A_PCT75: ZOewsWage,
  A_PCT90: ZOewsWage,
  ANNUAL: absentIsEmpty(ZCellTrueOrEmpty),
  HOURLY: absentIsEmpty(ZCellTrueOrEmpty),
});

export type OewsRow = z.output<typeof ZOewsRow>;

export type WageRow = {
  releaseId: number;
  areaCode: string;
  areaTitle: string;
  state: string;
  socCode: string;
  title: string;
  groupLevel: string;
  employment: number | null;
  employmentRse: number | null;
  jobsPer1000: number | null;
  locationQuotient: number | null;
  annualOnly: boolean;
  hourlyOnly: boolean;
  topCoded: string[];
} & Record<WageField, number | null>;

/** A marker is never a number: `*`, `**` and `#` all store null; `#` is also listed in topCoded. */
export function toWageRow(releaseId: number, row: OewsRow): WageRow {
  const wages = {} as Record<WageField, number | null>;
  const topCoded: string[] = [];
  for (const [field, column] of Object.entries(WAGE_COLUMNS) as [WageField, (typeof WAGE_COLUMNS)[WageField]][]) {
    const cell = row[column];
    wages[field] = typeof cell === "number" ? cell : null;
    if (cell === "#") topCoded.push(column);
  }
  return {
    releaseId,
    areaCode: row.AREA,
    areaTitle: row.AREA_TITLE,
    state: row.PRIM_STATE,
    socCode: row.OCC_CODE,
    title: row.OCC_TITLE,
    groupLevel: row.O_GROUP,
    employment: typeof row.TOT_EMP === "number" ? row.TOT_EMP : null,
    employmentRse: typeof row.EMP_PRSE === "number" ? row.EMP_PRSE : null,
    jobsPer1000: typeof row.JOBS_1000 === "number" ? row.JOBS_1000 : null,
    locationQuotient: typeof row.LOC_QUOTIENT === "number" ? row.LOC_QUOTIENT : null,
    ...wages,
    annualOnly: row.ANNUAL,
    hourlyOnly: row.HOURLY,
    topCoded,
  };
}
