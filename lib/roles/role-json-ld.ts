import { payAt } from "./pay-ladder";
import type { PayPoint, RolePage } from "./role-page.types";

/**
 * schema.org `Occupation` for a role page, from the one role view (the values readers see,
 * corrections applied): name, description, O*NET category, the OEWS pay distribution as
 * `estimatedSalary` (hourly where BLS publishes only hourly wages), education, skills, other
 * names and the country the figures describe.
 */
export function roleJsonLd(page: RolePage, url: string): Record<string, unknown> {
  const pay = page.shown.pay;
  const ladder = pay?.unit === "hourly" ? page.wages?.hourly : page.wages?.annual;
  const at = (percentile: PayPoint["percentile"]) => {
    const point = payAt(ladder, percentile);
    return point && !point.topCoded ? point.value : null;
  };
  const salary =
    page.wages && pay && at(50) !== null
      ? [
          {
            "@type": "MonetaryAmountDistribution",
            name: `${page.wages.source.name}, ${page.wages.source.referencePeriod}`,
            currency: "USD",
            duration: pay.unit === "hourly" ? "PT1H" : "P1Y",
            ...definedOnly({ percentile10: at(10), percentile25: at(25), median: at(50), percentile75: at(75), percentile90: at(90) }),
          },
        ]
      : undefined;
  const skills = [...page.ratings.skills.slice(0, 10).map((s) => s.name), ...page.technology.flatMap((g) => g.items.filter((i) => i.hotTechnology).map((i) => i.example)).slice(0, 10)];
  const tasks = page.shown.tasks.groups.flatMap((group) => group.tasks.map((task) => task.statement));
  return definedOnly({
    "@context": "https://schema.org",
    "@type": "Occupation",
    name: page.title,
    description: page.shown.description.value || undefined,
    url,
    alternateName: page.shown.alsoKnownAs.value.length > 0 ? page.shown.alsoKnownAs.value.slice(0, 20) : undefined,
    occupationalCategory: { "@type": "CategoryCode", codeValue: page.code, inCodeSet: { "@type": "CategoryCodeSet", name: `O*NET-SOC 2019 (O*NET ${page.onet.version})` } },
    estimatedSalary: salary,
    educationRequirements: page.projection?.entryEducation ?? undefined,
    experienceRequirements: page.projection?.workExperience ?? undefined,
    skills: skills.length > 0 ? skills.join(", ") : undefined,
    responsibilities: tasks.length > 0 ? tasks.slice(0, 10).join(" ") : undefined,
    occupationLocation: { "@type": "Country", name: "United States" },
  });
}

/** JSON for a <script> tag: `<` escaped so the text can never close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
