import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ZRoleApiResponseSchema } from "@/app/api/roles/[code]/route.types";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { computeEarnings } from "@/lib/earnings/compute-earnings";
import { ZEarningsQuerySchema } from "@/lib/earnings/compute-earnings.types";
import { toEarningsResponse, ZEarningsResponseSchema } from "@/lib/earnings/earnings-response";
import { findEducationCostTable } from "@/lib/earnings/find-education-cost-table";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { ZErrorResponseSchema } from "@/lib/http/error-response.types";
import { findRoleSummaries } from "@/lib/roles/find-role-summaries";
import { getRolePage } from "@/lib/roles/get-role-page";
import { writeDiscoveryDatasets } from "@/tests/support/fixtures/discovery-fixtures";
import { ROLE_FIXTURE_SLUGS } from "@/tests/support/fixtures/role-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";

// The documented response schemas (lib/api/openapi-document.ts) hold for what the routes
// answer from real data: strict at the top, so a field the answer gains fails here until documented.
const database = useTestDatabase();
let dataDir: string;

/** What a client receives: the body through JSON, as NextResponse.json sends it. */
const overTheWire = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-openapi-"));
  await writeDiscoveryDatasets(dataDir);
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("documented response shapes against real answers", () => {
  test.each(Object.values(ROLE_FIXTURE_SLUGS))("/api/roles/<code> of %s is a Role", async (slug) => {
    const page = await getRolePage(slug);
    expect(page).not.toBeNull();
    const parsed = ZRoleApiResponseSchema.safeParse(overTheWire(page));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test("/api/earnings for three careers (one unknown) at the range path is an EarningsResponse", async () => {
    const [summaries, costs] = await Promise.all([findRoleSummaries(), findEducationCostTable()]);
    const query = ZEarningsQuerySchema.parse({ roles: "test-widget-engineers,test-gadget-technicians,no-such-career", path: "range", inflation: "2" });
    const body = overTheWire(toEarningsResponse(query, computeEarnings(summaries, costs, query), costs, null));
    const parsed = ZEarningsResponseSchema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({ careers: [{ slug: "test-widget-engineers" }, { slug: "test-gadget-technicians" }], unknown: ["no-such-career"] });
  });

  test("the schemas refuse what the routes must never send: a Role missing a field, or with one undocumented", async () => {
    const page = overTheWire(await getRolePage(ROLE_FIXTURE_SLUGS.widget)) as Record<string, unknown>;
    expect(ZRoleApiResponseSchema.safeParse({ ...page, internalNote: "x" }).success).toBe(false);
    const { title: _title, ...withoutTitle } = page;
    expect(ZRoleApiResponseSchema.safeParse(withoutTitle).success).toBe(false);
  });

  test("a route's error answer is an Error, an expected refusal or an unexpected failure", async () => {
    for (const error of [new AppError("NOT_FOUND", "No occupation has the code 15-1299.05."), new AppError("INVALID_INPUT", "Choose one to three careers."), new Error("boom")]) {
      const response = toErrorResponse(error);
      expect(ZErrorResponseSchema.safeParse(await response.json()).success, String(error)).toBe(true);
    }
  });
});
