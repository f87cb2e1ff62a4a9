import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import type { CommunityField, SubmissionKind } from "@/lib/generated/prisma/enums";
import { createUser, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findMyContributions } from "./find-my-contributions";
import { findQueue, QUEUE_PAGE_SIZE } from "./find-queue";
import { getBacklogMeter } from "./get-backlog-meter";
import { getExpectedWait } from "./get-expected-wait";

useTestDatabase();

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const HOUR = 3_600_000;
const now = new Date("2026-03-10T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
const CODES = ["15-1299.05", "11-1011.00", "15-2011.00"];
/** Pending items waiting 1…130 hours (one per hour), on three pages of two families, and 5 narratives. */
const AGES = Array.from({ length: 130 }, (_, i) => i + 1);

let moderator: Awaited<ReturnType<typeof createUser>>;
let author: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  for (const [index, code] of CODES.entries()) await seedOccupation(code, `Test Occupation ${index}`);
  moderator = await createUser("MODERATOR");
  author = await createUser("CONTRIBUTOR", "Ann");
  const pending = (kind: SubmissionKind, ageHours: number, code: string, field: CommunityField | null) => ({
    kind,
    status: "PENDING" as const,
    occupationCode: code,
    authorId: author.userId,
    ...(field ? { field, operation: "CHANGE" as const, itemKey: "", proposedValue: { text: `Proposal ${ageHours}` } } : {}),
    submittedAt: hoursAgo(ageHours),
  });
  await prisma.submission.createMany({
    data: [
      ...AGES.map((age) => pending("CORRECTION", age, CODES[age % 3]!, age % 2 ? "DESCRIPTION" : "EDUCATION")),
      ...[2, 30, 80, 200, 300].map((age) => pending("NARRATIVE", age, CODES[0]!, null)),
    ],
  });
});

const ALL_AGES = [...AGES, 2, 30, 80, 200, 300];

describe("the queue, paged", () => {
  it("pages through every pending item once, oldest first, and says how many pages there are", async () => {
    const first = await findQueue({ actor: moderator, now });
    expect(first.matching).toBe(135);
    expect(first.pageCount).toBe(Math.ceil(135 / QUEUE_PAGE_SIZE));
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    const seen: string[] = [];
    const submitted: number[] = [];
    for (let page = 1; page <= first.pageCount; page += 1) {
      const { items } = await findQueue({ actor: moderator, filters: { page }, now });
      seen.push(...items.map((item) => item.id));
      submitted.push(...items.map((item) => item.submittedAt.getTime()));
    }
    expect(new Set(seen).size).toBe(135);
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
    expect((await findQueue({ actor: moderator, filters: { page: first.pageCount + 1 }, now })).items).toEqual([]);
    // Filters page too: 130 corrections on 3 pages.
    const corrections = await findQueue({ actor: moderator, filters: { kind: "CORRECTION", page: 3 }, now });
    expect([corrections.matching, corrections.pageCount, corrections.items.length]).toEqual([130, 3, 30]);
  });

  it("counts the whole pending queue by age and by kind", async () => {
    const { counts } = await findQueue({ actor: moderator, filters: { kind: "NARRATIVE" }, now });
    const between = (min: number, max: number) => ALL_AGES.filter((age) => age >= min && age < max).length;
    expect(counts.byAge).toEqual({ underDay: between(0, 24), days1to3: between(24, 72), days3to7: between(72, 168), overWeek: between(168, Infinity) });
    expect(counts.escalated).toBe(between(72, Infinity));
    expect(counts.byWhat).toEqual([
      { label: "Description", count: 65 },
      { label: "Education and training", count: 65 },
      { label: "Practitioner narrative", count: 5 },
    ]);
    expect(counts.pending).toBe(135);
  });

  it("sorts by family, with escalated items first and marked whatever the order", async () => {
    const items = [];
    for (let page = 1; page <= 3; page += 1) items.push(...(await findQueue({ actor: moderator, filters: { sort: "family", page }, now })).items);
    const escalated = items.filter((item) => item.escalated);
    expect(escalated).toHaveLength(ALL_AGES.filter((age) => age >= 72).length);
    // Escalated ones first…
    expect(items.slice(0, escalated.length).every((item) => item.escalated)).toBe(true);
    // …then each part by family (the code orders families), oldest first within a page.
    for (const part of [escalated, items.filter((item) => !item.escalated)]) {
      const codes = part.map((item) => item.occupationCode);
      expect(codes).toEqual([...codes].sort());
      for (const code of CODES) {
        const times = part.filter((item) => item.occupationCode === code).map((item) => item.submittedAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    }
    expect(items[0]!.family).toBe("11-1000");
    expect(items.find((item) => item.occupationCode === "15-1299.05")!.family).toBe("15-1200");
  });

  it("escalates after the configured number of hours", async () => {
    process.env.QUEUE_ESCALATE_AFTER_HOURS = "200";
    try {
      const queue = await findQueue({ actor: moderator, filters: { sort: "family" }, now });
      expect(queue.counts.escalated).toBe(2);
      expect(queue.items.slice(0, 3).map((item) => item.escalated)).toEqual([true, true, false]);
      expect(queue.items.slice(0, 2).map((item) => item.submittedAt)).toEqual([hoursAgo(300), hoursAgo(200)]);
    } finally {
      delete process.env.QUEUE_ESCALATE_AFTER_HOURS;
    }
  });

  it("refuses a page that is not a positive whole number, and anyone but moderators", async () => {
    expect((await fail(findQueue({ actor: moderator, filters: { page: "0" } })))?.code).toBe("INVALID_INPUT");
    expect((await fail(findQueue({ actor: moderator, filters: { page: "two" } })))?.code).toBe("INVALID_INPUT");
    expect((await fail(findQueue({ actor: moderator, filters: { sort: "newest" } })))?.code).toBe("INVALID_INPUT");
    expect((await fail(findQueue({ actor: author })))?.code).toBe("FORBIDDEN");
    expect((await fail(getBacklogMeter({ actor: author })))?.code).toBe("FORBIDDEN");
  });
});

describe("what a submitter sees", () => {
  it("gives each pending item its place in the queue, oldest first", async () => {
    const mine = await findMyContributions({ actor: author });
    const placeOf = (age: number) => mine.find((item) => item.proposedText === `Proposal ${age}`)!.queuePlace;
    expect(placeOf(130)).toEqual({ place: 3, of: 135 }); // behind the narratives of 300 and 200 hours
    expect(placeOf(1)).toEqual({ place: 135, of: 135 });
    const decided = mine.find((item) => item.proposedText === "Proposal 5")!;
    await prisma.submission.update({ where: { id: decided.id }, data: { status: "DECLINED" } });
    const after = await findMyContributions({ actor: author });
    expect(after.find((item) => item.id === decided.id)!.queuePlace).toBeNull();
    expect(after.find((item) => item.proposedText === "Proposal 1")!.queuePlace).toEqual({ place: 134, of: 134 });
    await prisma.submission.update({ where: { id: decided.id }, data: { status: "PENDING" } });
  });

  it("expects the wait that 8 in 10 of the last 30 days' decisions took, per kind; none from too few decisions", async () => {
    const decider = await createUser("MODERATOR");
    const decidedAfter = (kind: SubmissionKind, hours: number, decidedAt: Date) => ({
      kind,
      status: "APPROVED" as const,
      occupationCode: CODES[1]!,
      authorId: decider.userId,
      submittedAt: new Date(decidedAt.getTime() - hours * HOUR),
      decidedAt,
      decidedById: moderator.userId,
    });
    await prisma.submission.createMany({
      data: [
        ...Array.from({ length: 10 }, (_, i) => decidedAfter("CORRECTION", i + 1, hoursAgo(24 * (i + 1)))),
        // Older than 30 days: not counted.
        decidedAfter("CORRECTION", 500, hoursAgo(24 * 40)),
        decidedAfter("NARRATIVE", 3, hoursAgo(5)),
        decidedAfter("NARRATIVE", 4, hoursAgo(6)),
      ],
    });
    const waits = await getExpectedWait({ actor: author, now });
    // percentile_cont(0.8) of 1…10 hours: 8.2 hours.
    expect(waits).toEqual([
      { kind: "CORRECTION", decisions: 10, withinMs: (8 * 60 + 12) * 60_000 },
      { kind: "NARRATIVE", decisions: 2, withinMs: null },
    ]);
    expect((await fail(getExpectedWait({ actor: null })))?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the backlog meter", () => {
  it("gives pending, their median age, decisions per day over 30 days, and sent against decided per day", async () => {
    const audit = (action: string, createdAt: Date) => ({ actorId: moderator.userId, action, targetType: "submission", targetId: "x", createdAt });
    await prisma.auditEntry.createMany({
      data: [
        ...Array.from({ length: 45 }, (_, i) => audit("submission.approve", hoursAgo(i * 12))), // 45 in the last 22 days
        audit("submission.decline", hoursAgo(1)),
        audit("submission.request-changes", hoursAgo(25)),
        audit("submission.approve", hoursAgo(24 * 31)), // outside the 30 days
        audit("submission.submit", hoursAgo(1)),
        audit("submission.resubmit", hoursAgo(2)),
        audit("submission.claim", hoursAgo(1)), // not a decision
      ],
    });
    const meter = await getBacklogMeter({ actor: moderator, now });
    expect(meter.pending).toBe(135);
    const sorted = [...ALL_AGES].sort((a, b) => a - b);
    expect(meter.medianAgeMs).toBe(sorted[67]! * HOUR);
    expect(meter.decidedPerDay).toBeCloseTo(47 / 30);
    expect(meter.days).toHaveLength(14);
    expect(meter.days.at(-1)).toMatchObject({ day: "2026-03-10", submitted: 2, decided: 2 + 1 }); // 12:00 today, 00:00 today, and the decline
    expect(meter.days.at(-2)).toMatchObject({ day: "2026-03-09", submitted: 0, decided: 2 + 1 });
    expect(meter.days[0]!.day).toBe("2026-02-25");
  });
});
