import { describe, expect, it } from "vitest";
import { AppError, toHttpStatus, toUserMessage } from "./errors";

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
