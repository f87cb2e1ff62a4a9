import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { consumeRateLimit } from "./consume-rate-limit";

useTestDatabase();

const rule = { key: "test:user:1", limit: 3, windowSeconds: 3600, message: "You have sent a lot of submissions this hour." };

describe("consumeRateLimit", () => {
  it("allows the limit, then refuses with a clear RATE_LIMITED error and the wait", async () => {
    const now = new Date("2026-01-01T10:15:00Z");
    for (let attempt = 0; attempt < 3; attempt++) await consumeRateLimit(rule, now);
    const refused = await consumeRateLimit(rule, now).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("RATE_LIMITED");
    expect((refused as AppError).message).toBe("You have sent a lot of submissions this hour. Try again in 45 minutes.");
    expect((refused as AppError).retryAfterSeconds).toBe(45 * 60);
  });

  it("starts afresh in the next window", async () => {
    await expect(consumeRateLimit(rule, new Date("2026-01-01T11:00:01Z"))).resolves.toBeUndefined();
  });

  it("cannot be slipped past by concurrent attempts", async () => {
    const burst = { ...rule, key: "test:burst" };
    const now = new Date("2026-01-01T10:00:00Z");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => consumeRateLimit(burst, now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(17);
  });
});
