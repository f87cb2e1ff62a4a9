import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureDir, type FixtureDir } from "../../../tests/support/fixtures/bls-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { writeCareerVideos } from "../../../tests/support/fixtures/reading-fixtures";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { careerOneStopVideoPage, videosImporter } from "./import-videos";
import { queryRows } from "../../../tests/support/query-rows";

let database: TestDatabase;
let fixture: FixtureDir;

const importVideos = (dir: string) => runImport({ databaseUrl: database.url, dir, importers: [videosImporter], report: new ImportReport(() => {}) });

const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryRows<T>(database.url, sql, params);

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeCareerVideos(fixture.dir, [
    { key: "15-1252", videoCode: "15-1252.00", title: "Software Developers" },
    { key: "15-1299-05", videoCode: "15-1212.00", title: "Information Security Engineers" },
  ]);
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("career videos import", () => {
  it("stores SOC and O*NET keys with the code of the video each points to", async () => {
    const { failed } = await importVideos(fixture.dir);
    expect(failed).toEqual([]);
    const rows = await query<{ code: string; codeSystem: string; videoCode: string; title: string }>(
      `SELECT "code", "codeSystem", "videoCode", "title" FROM "CareerVideo" ORDER BY "code"`,
    );
    expect(rows).toEqual([
      { code: "15-1252", codeSystem: "SOC 2018", videoCode: "15-1252.00", title: "Software Developers" },
      { code: "15-1299.05", codeSystem: "O*NET-SOC 2019", videoCode: "15-1212.00", title: "Information Security Engineers" },
    ]);
    const [release] = await query<{ version: string; license: string }>(`SELECT "version", "license" FROM "DatasetRelease" WHERE "dataset" = 'career-videos'`);
    expect(release).toMatchObject({ version: "2026-01-07" });
    expect(release!.license).toMatch(/linked, not re-hosted/);
  });

  it("changes nothing on a second import", async () => {
    const { report } = await importVideos(fixture.dir);
    expect(report.rowsChanged).toBe(0);
  });

  it("rejects a video URL that is not CareerOneStop's, naming the line, and changes nothing", async () => {
    const before = await countRows(database.url, ["CareerVideo", "DatasetRelease"]);
    const broken = await makeFixtureDir();
    try {
      await writeCareerVideos(broken.dir, [{ key: "15-1252", videoCode: "15-1252.00", title: "Software Developers" }]);
      const file = path.join(broken.dir, "videos/career-videos.json");
      const json = JSON.parse(await readFile(file, "utf8"));
      json.videos["15-1252"].videoUrl = "https://example.com/video.mp4";
      await writeFile(file, JSON.stringify(json, null, 2));
      const { failed } = await importVideos(broken.dir);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ file: "videos/career-videos.json", line: 10, column: "videoUrl" });
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, ["CareerVideo", "DatasetRelease"])).toEqual(before);
  });

  it("links to CareerOneStop's page for the video", () => {
    expect(careerOneStopVideoPage("15-1252.00")).toBe("https://www.careeronestop.org/Videos/careeronestop-videos.aspx?videocode=15125200");
  });
});
