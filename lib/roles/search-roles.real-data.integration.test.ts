import { describe, expect, test } from "vitest";
import { realDataPresent, useRealDataDatabase } from "@/tests/support/integration/real-data";
import { findRoleSummaries } from "./find-role-summaries";
import { searchRoles } from "./search-roles";

// Search and browse on the full import of the official files (skipped where they are absent).
describe.skipIf(!realDataPresent)("search and browse on the real O*NET 29.3 and BLS data", () => {
  useRealDataDatabase();

  test('a typo still finds the role: "cybersecurty enginer" → Information Security Engineers, by its alternate title', async () => {
    const [first] = await searchRoles({ query: "cybersecurty enginer" });
    expect(first).toMatchObject({ code: "15-1299.05", title: "Information Security Engineers", matchedKind: "ALTERNATE", matchedText: "Cybersecurity Engineer" });
  });

  test("an exact title comes first; a common word finds the role it names", async () => {
    expect((await searchRoles({ query: "Software Developers" }))[0]).toMatchObject({ code: "15-1252.00", matchedKind: "TITLE", medianAnnualWage: 133_080 });
    expect((await searchRoles({ query: "registered nurse" }))[0]?.code).toBe("29-1141.00");
    expect((await searchRoles({ query: "accountant" }))[0]?.code).toBe("13-2011.00");
  });

  test("browse lists every occupation; pay and Bright Outlook come from the BLS files", async () => {
    const summaries = await findRoleSummaries();
    expect(summaries).toHaveLength(1016);
    const withPay = summaries.filter((role) => role.medianAnnualWage !== null).length;
    expect(withPay).toBeGreaterThan(950);
    expect(summaries.find((role) => role.code === "29-1141.00")).toMatchObject({ brightOutlook: true });
  });
});
