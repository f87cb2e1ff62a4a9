import { describe, expect, test } from "vitest";
import { splitSqlScript } from "./split-sql-script";

describe("splitSqlScript", () => {
  test("cuts at each semicolon, as adapter-pg does, dropping empty statements", () => {
    expect(splitSqlScript('ALTER TABLE "A" ADD COLUMN "b" TEXT;\n\n-- CreateIndex\nCREATE INDEX "A_b" ON "A"("b");\n')).toEqual([
      'ALTER TABLE "A" ADD COLUMN "b" TEXT',
      '-- CreateIndex\nCREATE INDEX "A_b" ON "A"("b")',
    ]);
  });

  test("keeps a dollar-quoted function body whole, whatever its tag", () => {
    const first = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND\n$$";
    const second = "CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 2; END $body$";
    expect(splitSqlScript(`${first};\n${second};\nSELECT f();`)).toEqual([first, second, "SELECT f()"]);
  });

  test("a body's own other tag does not close it", () => {
    const body = "CREATE FUNCTION h() RETURNS text LANGUAGE sql AS $outer$ SELECT $$a;b$$ $outer$";
    expect(splitSqlScript(`${body}; SELECT 1`)).toEqual([body, "SELECT 1"]);
  });
});
