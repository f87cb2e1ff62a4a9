import { z } from "zod";
import { END_AGE, START_AGE, type EarningsResult } from "./compute-earnings";
import { EARNINGS_SECTORS, PAY_PATHS, type TEarningsQuery } from "./compute-earnings.types";
import { EDUCATION_PLANS } from "./education-years";
import type { EducationCostTable } from "./find-education-cost-table";
import type { StatePay } from "@/lib/roles/find-state-pay";

const ZCostLevelSchema = z.enum(["2-year", "4-year"]).nullable();

const ZEarningsCareerSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    code: z.string(),
    entryEducation: z.string().nullable().describe("BLS's typical entry education, null when BLS gives none."),
    jobZone: z.number().int().nullable(),
    studyYears: z.number().int().describe("Years of full-time study before work."),
    workStartAge: z.number().int(),
    costPerYear: z.number().nullable().describe("NCES tuition and fees a year for the chosen sector and level; null when none is counted."),
    costYears: z.number().int(),
    costLevel: ZCostLevelSchema,
    pay: z.object({ p25: z.number().nullable(), median: z.number(), p75: z.number().nullable() }),
    path: z.enum(PAY_PATHS).describe('"range" only when both the 25th and the 75th percentile are published.'),
    notes: z.array(z.string()).describe("Each assumption that differs from the query, in a sentence."),
    years: z.array(z.object({ age: z.number().int(), pay: z.number().int(), cost: z.number().int(), cumulative: z.number().int() })).describe("Ages 18 to 65: pay, education cost and earnings minus cost so far, whole dollars discounted to today."),
    breakEven: z.discriminatedUnion("kind", [z.object({ kind: z.literal("age"), age: z.number().int() }), z.object({ kind: z.literal("no-cost") }), z.object({ kind: z.literal("not-by-end") })]),
  })
  .strict()
  .meta({ id: "EarningsCareer" });

/** GET /api/earnings: the earnings view as data, every figure in whole dollars. */
export const ZEarningsResponseSchema = z
  .object({
    query: z
      .object({
        roles: z.array(z.string()),
        sector: z.enum(EARNINGS_SECTORS),
        path: z.enum(PAY_PATHS),
        years: z.number().int(),
        inflation: z.number(),
        discount: z.number(),
        state: z.string().optional(),
      })
      .strict()
      .describe("The query as understood, defaults filled in."),
    assumptions: z
      .object({
        startAge: z.number().int(),
        endAge: z.number().int(),
        educationPlans: z
          .record(z.string(), z.object({ years: z.number().int(), costLevel: ZCostLevelSchema, costYears: z.number().int() }).strict())
          .describe("Years of study per BLS entry-education level, and the NCES level and years charged."),
        tuitionYear: z.string().nullable().describe("NCES Table 330.10: the academic year of the tuition figures, null when not imported."),
        illustration: z.string(),
      })
      .strict(),
    payArea: z
      .object({ state: z.string(), name: z.string(), referencePeriod: z.string() })
      .strict()
      .nullable()
      .describe("The state whose OEWS pay (median, 25th and 75th percentiles) the careers use; null: the national figures."),
    careers: z.array(ZEarningsCareerSchema),
    unknown: z.array(z.string()).describe("Addresses no career has."),
    withoutPay: z.array(z.object({ slug: z.string(), title: z.string() }).strict()).describe("Careers BLS publishes no median pay for."),
  })
  .strict()
  .meta({ id: "EarningsResponse" });

export type TEarningsResponse = z.infer<typeof ZEarningsResponseSchema>;

/** The earnings view as the API answers it: the computation, its assumptions, figures rounded to whole dollars. */
export function toEarningsResponse(query: TEarningsQuery, result: EarningsResult, costs: EducationCostTable | null, statePay: StatePay | null): TEarningsResponse {
  return {
    query,
    payArea: statePay ? { state: statePay.state, name: statePay.name, referencePeriod: statePay.referencePeriod } : null,
    assumptions: {
      startAge: START_AGE,
      endAge: END_AGE,
      educationPlans: EDUCATION_PLANS,
      tuitionYear: costs?.academicYear ?? null,
      illustration: "Built from BLS's pay distribution (median or 25th → 75th percentile), not pay measured by age or experience.",
    },
    careers: result.careers.map(({ years, ...career }) => ({
      ...career,
      years: years.map((year) => ({ age: year.age, pay: Math.round(year.pay), cost: Math.round(year.cost), cumulative: Math.round(year.cumulative) })),
    })),
    unknown: result.unknown,
    withoutPay: result.withoutPay,
  };
}
