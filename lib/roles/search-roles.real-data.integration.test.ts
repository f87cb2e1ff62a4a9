import { describe, expect, test } from "vitest";
import { realDataPresent, useRealDataDatabase } from "@/tests/support/integration/real-data";
import { findRoleSummaries } from "./find-role-summaries";
import { searchRoles } from "./search-roles";
import { SEARCH_SYNONYMS } from "./search-synonyms";

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
    // A title in the singular: credit clerks (43-4041) list "Customer Service Representative" word for word.
    expect((await searchRoles({ query: "customer service representative" }))[0]).toMatchObject({ code: "43-4051.00", matchedKind: "TITLE" });
  });

  test('short-word typos: "nruse" → Registered Nurses, "archtect" → Architects, "machanic" → the mechanic synonym', async () => {
    expect((await searchRoles({ query: "nruse" }))[0]?.code).toBe("29-1141.00");
    expect((await searchRoles({ query: "archtect" }))[0]?.code).toBe("17-1011.00");
    expect((await searchRoles({ query: "machanic" }))[0]?.code).toBe("49-3023.00");
  });

  test("the words people use: abbreviations and job-family names put the meant role first", async () => {
    const expected: [string, string][] = [
      ["pentester", "15-1299.04"], ["UX designer", "15-1255.00"], ["RN", "29-1141.00"], ["CPA", "13-2011.00"],
      ["HVAC tech", "49-9021.00"], ["LPN", "29-2061.00"], ["DBA", "15-1242.00"], ["EMT", "29-2042.00"], ["therapist", "19-3033.00"], ["social worker", "21-1021.00"],
    ];
    for (const [query, code] of expected) expect([query, (await searchRoles({ query }))[0]?.code]).toEqual([query, code]);
  });

  test("every synonym names current occupations", async () => {
    const codes = new Set((await findRoleSummaries()).map((role) => role.code));
    expect(SEARCH_SYNONYMS.flatMap((synonym) => synonym.codes).filter((code) => !codes.has(code))).toEqual([]);
  });

  test("browse lists every occupation; pay and Bright Outlook come from the BLS files", async () => {
    const summaries = await findRoleSummaries();
    expect(summaries).toHaveLength(1016);
    const withPay = summaries.filter((role) => role.medianAnnualWage !== null).length;
    expect(withPay).toBeGreaterThan(950);
    expect(summaries.find((role) => role.code === "29-1141.00")).toMatchObject({ brightOutlook: true });
  });
});
