import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ABILITIES, assertCan, can, type Ability } from "./permissions";

const contributor = { userId: "c", role: "CONTRIBUTOR" as const };
const moderator = { userId: "m", role: "MODERATOR" as const };
const admin = { userId: "a", role: "ADMIN" as const };

describe("permissions", () => {
  it.each<[Ability, boolean, boolean, boolean, boolean]>([
    // ability, anonymous, contributor, moderator, admin
    ["submission:create", false, true, true, true],
    ["moderation:view-queue", false, false, true, true],
    ["moderation:decide", false, false, true, true],
    ["revision:rollback", false, false, true, true],
    ["moderation:second-look", false, false, true, true],
    ["user:set-role", false, false, false, true],
    ["people:view", false, false, true, true],
    ["people:suspend", false, false, true, true],
    ["account:manage-own", false, true, true, true],
  ])("%s: anonymous %s, contributor %s, moderator %s, admin %s", (ability, anonymous, asContributor, asModerator, asAdmin) => {
    expect([can(null, ability), can(contributor, ability), can(moderator, ability), can(admin, ability)]).toEqual([anonymous, asContributor, asModerator, asAdmin]);
  });

  it("every ability names at least one role", () => {
    for (const entry of Object.values(ABILITIES)) expect(entry.roles.length).toBeGreaterThan(0);
  });

  it("assertCan says who is refused and why", () => {
    expect(() => assertCan(null, "submission:create")).toThrowError(new AppError("UNAUTHENTICATED"));
    expect(() => assertCan(contributor, "moderation:decide")).toThrow("Your role (contributor) may not approve, decline or request changes.");
  });
});
