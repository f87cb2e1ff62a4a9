import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ZRoleApiResponseSchema } from "@/app/api/roles/[code]/route.types";
import { prisma } from "@/lib/db/prisma";
import { realDataDir, realDataPresent, useRealDataDatabase } from "@/tests/support/integration/real-data";
import { getRolePageByCode } from "./get-role-page";
import type { RolePage } from "./role-page.types";
import { roleToMarkdown } from "./role-to-markdown";

// Work Styles and Work Values from the real releases (29.3 in onet/, 30.1 in onet-30.1/ with
// its new Work Styles layout): the pages read the newest release that has each file, and a
// sample of rows of each file is stored exactly as published.
describe.skipIf(!realDataPresent)("work styles and values from the real O*NET releases", () => {
  useRealDataDatabase();
  let nurses: RolePage;

  beforeAll(async () => {
    nurses = (await getRolePageByCode("29-1141.00"))!;
  });

  it("Registered Nurses: 30.1's 21 work styles by impact, with 30.1's descriptions and distinctiveness ranks", () => {
    const styles = nurses.workStyles!;
    expect(styles.source.version).toBe("30.1");
    expect(styles.items).toHaveLength(21);
    expect(styles.items[0]).toMatchObject({ elementId: "1.D.3.b", name: "Attention to Detail", value: 3, scale: { id: "WI" }, distinctiveness: null });
    expect(styles.items[0]!.description).toMatch(/^A tendency to /);
    expect(styles.items.find((item) => item.name === "Integrity")).toMatchObject({ value: 2.55, distinctiveness: 10 });
    const values = styles.items.map((item) => item.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it("Registered Nurses: work values (EX) from 30.1, described; no release on hand has Work Context, said in one sentence", () => {
    expect(nurses.workValues!.source.version).toBe("30.1");
    expect(nurses.workValues!.items.map((item) => item.elementId).sort()).toEqual(["1.B.2.a", "1.B.2.b", "1.B.2.c", "1.B.2.d", "1.B.2.e", "1.B.2.f"]);
    expect(nurses.workValues!.items.every((item) => item.description?.startsWith("Occupations that satisfy this work value"))).toBe(true);
    expect(nurses.workContext).toBeNull();
    expect(nurses.missing.workContext).toBe("No imported O*NET release has work context ratings (Work Context.txt).");
    const md = roleToMarkdown(nurses, { url: "https://careerwiki.test/roles/registered-nurses" });
    expect(md).toContain("## Work styles and values");
    expect(md).toContain("**Attention to Detail** (+3.00 on −3 to +3)");
  });

  it("Information Security Engineers: work styles from 30.1 (29.3 rated none for it)", async () => {
    const page = (await getRolePageByCode("15-1299.05"))!;
    expect(page.workStyles!.items).toHaveLength(21);
    expect(page.workValues!.items).toEqual([]);
    expect(page.missing.workValues).toBe("O*NET 30.1 has no work value ratings for this occupation.");
  });

  it("the strict Role schema of the API holds for real answers (every nested part documented)", async () => {
    for (const code of ["29-1141.00", "15-1299.05", "11-1011.00", "15-1299.09"]) {
      const page = await getRolePageByCode(code);
      const parsed = ZRoleApiResponseSchema.safeParse(JSON.parse(JSON.stringify(page)));
      expect(parsed.error?.issues ?? [], code).toEqual([]);
    }
  });

  it.each([
    ["onet", "29.3", "Work Styles.txt", "WORK_STYLE", ["IM"]],
    ["onet-30.1", "30.1", "Work Styles.txt", "WORK_STYLE", ["WI"]],
    ["onet-30.1", "30.1", "Work Values.txt", "WORK_VALUE", ["EX"]],
  ] as const)("fidelity: a sample of %s/%s rows (%s) is stored as published", async (folder, version, file, domain, scales) => {
    const lines = (await readFile(path.join(realDataDir!, folder, file), "utf8")).split(/\r?\n/).slice(1).filter(Boolean);
    const rows = lines.map((line) => line.split("\t")).filter((cells) => (scales as readonly string[]).includes(cells[3]!));
    // Every 97th row: spread over the whole file, the same sample each run.
    const sample = rows.filter((_, index) => index % 97 === 0);
    expect(sample.length).toBeGreaterThan(50);
    const release = await prisma.datasetRelease.findUniqueOrThrow({ where: { dataset_version: { dataset: "onet", version } } });
    for (const [code, elementId, name, scale, value] of sample) {
      const stored = await prisma.workProfileScore.findUnique({ where: { releaseId_occupationCode_domain_elementId: { releaseId: release.id, occupationCode: code!, domain, elementId: elementId! } } });
      expect(stored, `${file} ${code} ${elementId}`).toMatchObject({ elementName: name, scale, value: Number(value) });
    }
  });
});
