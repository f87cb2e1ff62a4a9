import { payAt } from "./pay-ladder";
import type { PayPoint, RolePage } from "./role-page.types";

/**
 * schema.org `Occupation` for a role page: name, description, O*NET category, the OEWS
 * pay distribution as `estimatedSalary`, education, skills and other names.
 */
export function roleJsonLd(page: RolePage, url: string): Record<string, unknown> {
  const at = (percentile: PayPoint["percentile"]) => {
    const point = payAt(page.wages?.annual, percentile);
    return point && !point.topCoded ? point.value : null;
  };
  const salary =
    page.wages && at(50) !== null
      ? [
          {
            "@type": "MonetaryAmountDistribution",
            name: `${page.wages.source.name}, ${page.wages.source.referencePeriod}`,
            currency: "USD",
            duration: "P1Y",
            ...definedOnly({ percentile10: at(10), percentile25: at(25), median: at(50), percentile75: at(75), percentile90: at(90) }),
          },
        ]
      : undefined;
  const skills = [...page.ratings.skills.slice(0, 10).map((s) => s.name), ...page.technology.flatMap((g) => g.items.filter((i) => i.hotTechnology).map((i) => i.example)).slice(0, 10)];
  return definedOnly({
    "@context": "https://schema.org",
    "@type": "Occupation",
    name: page.title,
    description: page.description || undefined,
    url,
    alternateName: page.alsoKnownAs.length > 0 ? page.alsoKnownAs.slice(0, 20) : undefined,
    occupationalCategory: { "@type": "CategoryCode", codeValue: page.code, inCodeSet: { "@type": "CategoryCodeSet", name: `O*NET-SOC 2019 (O*NET ${page.onet.version})` } },
    estimatedSalary: salary,
    educationRequirements: page.projection?.entryEducation ?? undefined,
    experienceRequirements: page.projection?.workExperience ?? undefined,
    skills: skills.length > 0 ? skills.join(", ") : undefined,
    responsibilities: page.tasks.length > 0 ? page.tasks.slice(0, 10).map((t) => t.statement).join(" ") : undefined,
  });
}

/** JSON for a <script> tag: `<` escaped so the text can never close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
