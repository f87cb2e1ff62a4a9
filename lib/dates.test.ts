import { describe, expect, it } from "vitest";
import { formatAge, formatDate, formatDateTime, formatTime, formatWait } from "./dates";

// 23:59 on 31 December in UTC is already 1 January in Tokyo and still 31 December in New York:
// the site shows UTC whatever the process's time zone.
const date = new Date("2026-12-31T23:59:42.123Z");

describe("dates as the site shows them", () => {
  it("formats in UTC, in ISO order", () => {
    expect(formatDate(date)).toBe("2026-12-31");
    expect(formatDateTime(date)).toBe("2026-12-31 23:59 UTC");
    expect(formatDateTime(date, { seconds: true })).toBe("2026-12-31 23:59:42 UTC");
    expect(formatTime(date)).toBe("23:59 UTC");
  });

  it("pads single digits", () => {
    const early = new Date("2027-01-02T03:04:05Z");
    expect(formatDate(early)).toBe("2027-01-02");
    expect(formatDateTime(early)).toBe("2027-01-02 03:04 UTC");
    expect(formatTime(early)).toBe("03:04 UTC");
  });
});

describe("formatWait", () => {
  it("rounds up to hours under a day, to days above", () => {
    expect(formatWait(0)).toBe("1 hour");
    expect(formatWait(90 * 60_000)).toBe("2 hours");
    expect(formatWait(24 * 3_600_000)).toBe("1 day");
    expect(formatWait(25 * 3_600_000)).toBe("2 days");
  });
});

describe("formatAge", () => {
  it("rounds down: an age is never overstated", () => {
    expect(formatAge(59 * 60_000)).toBe("under an hour");
    expect(formatAge(119 * 60_000)).toBe("1 hour");
    expect(formatAge(47 * 3_600_000)).toBe("1 day");
    expect(formatAge(5 * 86_400_000 + 60_000)).toBe("5 days");
  });
});
