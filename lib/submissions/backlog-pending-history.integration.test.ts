import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { getBacklogMeter } from "./get-backlog-meter";

useTestDatabase();

const now = new Date("2026-03-10T12:00:00Z");
const at = (iso: string) => new Date(`2026-03-${iso}Z`);

describe("the backlog meter's history", () => {
  it("gives the items pending at the end of each day, read from the submissions' own times", async () => {
    const author = await createUser("CONTRIBUTOR");
    const moderator = await createUser("MODERATOR");
    const base = { kind: "CORRECTION" as const, occupationCode: "99-0001.00", authorId: author.userId, field: "DESCRIPTION" as const, operation: "CHANGE" as const, itemKey: "" };
    await prisma.submission.createMany({
      data: [
        { ...base, status: "PENDING", submittedAt: at("07T10:00:00"), updatedAt: at("07T10:00:00") }, // waiting since the 7th
        { ...base, status: "APPROVED", submittedAt: at("08T09:00:00"), decidedAt: at("09T08:00:00"), decidedById: moderator.userId, updatedAt: at("09T08:00:00") }, // the 8th only
        { ...base, status: "WITHDRAWN", submittedAt: at("09T13:00:00"), updatedAt: at("10T01:00:00") }, // the 9th only
        { ...base, status: "DRAFT", submittedAt: null, updatedAt: at("08T10:00:00") }, // never sent
        { ...base, status: "PENDING", submittedAt: at("10T11:00:00"), updatedAt: at("10T11:00:00") }, // today
      ],
    });
    const meter = await getBacklogMeter({ actor: moderator, now });
    const pendingOn = Object.fromEntries(meter.days.map((day) => [day.day, day.pending]));
    expect(meter.days).toHaveLength(14);
    expect([pendingOn["2026-03-06"], pendingOn["2026-03-07"], pendingOn["2026-03-08"], pendingOn["2026-03-09"], pendingOn["2026-03-10"]]).toEqual([0, 1, 2, 2, 2]);
    // Today's figure is the queue as it stands.
    expect(pendingOn["2026-03-10"]).toBe(meter.pending);
  });
});
