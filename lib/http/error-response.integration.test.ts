import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { toErrorResponse } from "./error-response";
import { logger } from "@/lib/logging/logger.cjs";

useTestDatabase();

afterEach(() => vi.restoreAllMocks());

describe("toErrorResponse, the route handlers' error mapper", () => {
  it("answers a client's mistake with its 4xx and a short message, and logs no stack", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const cases: [AppError, number][] = [
      [new AppError("BAD_REQUEST"), 400],
      [new AppError("INVALID_INPUT", "Type what you are looking for."), 422],
      [new AppError("NOT_FOUND", "No such role."), 404],
    ];
    for (const [error, status] of cases) {
      const response = toErrorResponse(error);
      expect(response.status).toBe(status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({ code: error.code, message: error.message });
      expect(body.error.message.length).toBeLessThan(120);
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("answers text PostgreSQL refuses (a NUL that got past a boundary) with a 400, not a 500 with a stack", async () => {
    const { prisma } = await import("@/lib/db/prisma");
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const errors = [
      await prisma.occupation.findUnique({ where: { slug: "a\u0000b" } }).catch((error: unknown) => error),
      await prisma.$queryRaw`SELECT ${"a\u0000b"}::text`.catch((error: unknown) => error),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      const response = toErrorResponse(error, "text");
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("This request could not be understood.\n");
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs an unexpected error once and hides its message", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const response = toErrorResponse(new Error('relation "User" does not exist'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("relation");
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
