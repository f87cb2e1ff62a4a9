import type { BreakEven } from "@/lib/earnings/compute-earnings";
import type { TEarningsQuery } from "@/lib/earnings/compute-earnings.types";
import type { EducationPlan } from "@/lib/earnings/education-years";

/** GET /api/earnings: the earnings view as data, whole dollars. */
export interface EarningsResponse {
  query: TEarningsQuery;
  assumptions: {
    startAge: number;
    endAge: number;
    /** Years of study per BLS entry-education level, and the NCES level and years charged. */
    educationPlans: Record<string, EducationPlan>;
    /** NCES Table 330.10: the academic year of the tuition figures, null when not imported. */
    tuitionYear: string | null;
    illustration: string;
  };
  careers: {
    slug: string;
    title: string;
    code: string;
    entryEducation: string | null;
    jobZone: number | null;
    studyYears: number;
    workStartAge: number;
    costPerYear: number | null;
    costYears: number;
    costLevel: "2-year" | "4-year" | null;
    pay: { p25: number | null; median: number; p75: number | null };
    path: "median" | "range";
    notes: string[];
    breakEven: BreakEven;
    years: { age: number; pay: number; cost: number; cumulative: number }[];
  }[];
  unknown: string[];
  withoutPay: { slug: string; title: string }[];
}
