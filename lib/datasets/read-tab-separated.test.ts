import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "./read-csv";
import { readTabSeparated } from "./read-tab-separated";

async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-readers-"));
  await writeFile(path.join(dir, name), text);
  return path.join(dir, name);
}

describe("the text readers", () => {
  it("refuse a NUL character with its line, since PostgreSQL cannot store it in text", async () => {
    const tsv = await file("a.txt", "Code\tTitle\n99-0001.00\tWid\u0000get\n");
    await expect(readTabSeparated(tsv, "onet/a.txt", ["Code"])).rejects.toThrow("onet/a.txt, line 2: contains a NUL character (at character 15 of the line)");
  });

  it("refuse a file with a header and no data rows: a cut-short file must not empty a release", async () => {
    await expect(readTabSeparated(await file("b.txt", "Code\tTitle\n"), "onet/b.txt", ["Code"])).rejects.toThrow("onet/b.txt, line 2: has a header but no data rows");
    await expect(readCsv(await file("c.csv", "Code,Title\r\n"), "ai/c.csv", ["Code"])).rejects.toThrow("ai/c.csv, line 2: has a header but no data rows");
  });

  it("read a file with a byte-order mark and CRLF line ends like any other", async () => {
    const rows = await readTabSeparated(await file("d.txt", "\uFEFFCode\tTitle\r\n99-0001.00\tWidget\r\n"), "onet/d.txt", ["Code", "Title"]);
    expect(rows).toEqual([{ line: 2, record: { Code: "99-0001.00", Title: "Widget" } }]);
  });
});
