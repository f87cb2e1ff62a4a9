import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/db/find-free-port";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, isDatabaseUnavailable, toAppError, toHttpStatus, toUserMessage } from "./errors";

const DATABASE_AWAY = "The database is not answering; please try again in a moment.";

describe("AppError mapping", () => {
  it("maps codes to HTTP statuses in one place", () => {
    expect(toHttpStatus(new AppError("RATE_LIMITED"))).toBe(429);
    expect(toHttpStatus(new AppError("ALREADY_DECIDED"))).toBe(409);
    expect(toHttpStatus(new AppError("FORBIDDEN"))).toBe(403);
    expect(toHttpStatus(new Error("boom"))).toBe(500);
  });

  it("never shows an unexpected error's own message", () => {
    expect(toUserMessage(new Error("relation \"User\" does not exist"))).not.toMatch(/relation/);
    expect(toUserMessage(new AppError("NOT_FOUND", "No such role."))).toBe("No such role.");
    expect(toUserMessage(new AppError("CONFLICT"))).toMatch(/changed this in the meantime/);
  });
});

describe("a database that is away", () => {
  it("is DATABASE_UNAVAILABLE (503, try again) as Prisma with the pg adapter and pg itself report it", async () => {
    const port = await findFreePort(); // nothing listens there
    const url = `postgresql://nobody:secret@127.0.0.1:${port}/careerwiki`;
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    const fromModel = await prisma.user.findFirst().catch((error: unknown) => error);
    const fromTransaction = await prisma.$transaction((tx) => tx.user.count()).catch((error: unknown) => error);
    const fromRawQuery = await prisma.$queryRaw`SELECT 1`.catch((error: unknown) => error);
    const fromPg = await new pg.Client({ connectionString: url }).connect().catch((error: unknown) => error);
    for (const error of [fromModel, fromTransaction, fromRawQuery, fromPg]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(toAppError(error)?.code).toBe("DATABASE_UNAVAILABLE");
      expect(toHttpStatus(error)).toBe(503);
      expect(toUserMessage(error)).toBe(DATABASE_AWAY);
    }
  });

  it("includes a connection the server terminated while restarting (57P01), as Prisma reported it here", () => {
    const terminated = new Prisma.PrismaClientKnownRequestError("Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", {
      code: "P2010",
      clientVersion: "6.19.3",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01", kind: "postgres", code: "57P01", severity: "FATAL" } } },
    });
    expect(toHttpStatus(terminated)).toBe(503);
    const timedOut = new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion: "6.19.3" });
    expect(toUserMessage(timedOut)).toBe(DATABASE_AWAY);
  });

  it("is not confused with other database errors", () => {
    const duplicate = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "6.19.3", meta: { target: ["email"] } });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(toHttpStatus(duplicate)).toBe(500);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
