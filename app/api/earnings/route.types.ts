import type { EarningsResult } from "@/lib/earnings/compute-earnings";
import type { TEarningsQuery } from "@/lib/earnings/compute-earnings.types";
import type { EducationPlan } from "@/lib/earnings/education-years";

/** GET /api/earnings: the earnings view as data, every figure in whole dollars. */
export interface EarningsResponse extends EarningsResult {
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
}
