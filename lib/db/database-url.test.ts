import { describe, expect, it } from "vitest";
import { describeConnectionFailure, parseDatabaseUrl, redactDatabaseUrl } from "./database-url";
import { OperatorError } from "./operator-error";

describe("parseDatabaseUrl", () => {
  it.each([
    ["notaurl", "DATABASE_URL is not a URL (expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE)."],
    ["mysql://root:secret@db:3306/careerwiki", "DATABASE_URL is a mysql:// URL; Careerwiki needs PostgreSQL 15 or newer: postgresql://USER:PASSWORD@HOST:PORT/DATABASE."],
    ["https://example.com/careerwiki", "DATABASE_URL is a https:// URL; Careerwiki needs PostgreSQL 15 or newer: postgresql://USER:PASSWORD@HOST:PORT/DATABASE."],
    ["postgresql://", "DATABASE_URL names no host (expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE)."],
  ])("refuses %s in one line, without repeating a password", (value, message) => {
    expect(() => parseDatabaseUrl(value)).toThrow(new OperatorError(message));
  });

  it.each(["postgresql://app:pw@db.internal:5432/careerwiki", "postgres://app@127.0.0.1/careerwiki?sslmode=require"])("accepts %s", (value) => {
    expect(parseDatabaseUrl(value)).toBe(value);
  });
});

describe("describeConnectionFailure", () => {
  const url = "postgresql://app:s3cret@db.internal:5433/careerwiki";
  it.each([
    [{ code: "ECONNREFUSED" }, "cannot reach db.internal:5433 (connection refused: is PostgreSQL running there?)"],
    [{ code: "ENOTFOUND" }, "cannot reach db.internal:5433 (no such host)"],
    [{ message: "timeout expired" }, "cannot reach db.internal:5433 (no answer within 5 s)"],
    [{ code: "28P01", message: 'password authentication failed for user "app"' }, 'authentication failed for user "app" (wrong password?)'],
    [{ code: "28000", message: 'role "app" does not exist' }, 'authentication failed for user "app" (role "app" does not exist)'],
    [{ code: "3D000", message: 'database "careerwiki" does not exist' }, 'database "careerwiki" does not exist on db.internal:5433 (create it, or name another in the URL)'],
  ])("%o: names DATABASE_URL without its password and the cause", (error, cause) => {
    const line = describeConnectionFailure(url, error);
    expect(line).toBe(`DATABASE_URL (postgresql://app:***@db.internal:5433/careerwiki): ${cause}.`);
    expect(line).not.toContain("s3cret");
  });

  it("hides a password given as a parameter too", () => {
    expect(redactDatabaseUrl("postgresql://db/careerwiki?user=app&password=s3cret")).toBe("postgresql://db/careerwiki?user=app&password=***");
  });
});
