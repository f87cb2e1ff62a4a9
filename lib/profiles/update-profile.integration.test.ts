import { beforeAll, describe, expect, it } from "vitest";
import { ZUpdateProfileInputSchema } from "@/app/(contributor)/profile/schema";
import { AppError } from "@/lib/errors";
import { seedUser } from "@/tests/support/seed-users";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { getOwnProfile } from "./get-own-profile";
import { updateProfile } from "./update-profile";

const database = useTestDatabase();

const form = {
  displayName: "  Ada Practitioner ",
  jobTitle: "Senior widget engineer",
  occupations: "99-0001.00 Test Widget Engineers\n\ntest gadget analysts\n99-0001.00",
  yearsExperience: "12",
  sector: "private",
  region: "",
  bio: "I design widgets.",
};

beforeAll(async () => {
  const { prisma } = await import("@/lib/db/prisma");
  await prisma.occupation.createMany({
    data: [
      { code: "99-0001.00", slug: "test-widget-engineers", title: "Test Widget Engineers", majorGroup: "99" },
      { code: "99-0002.00", slug: "test-gadget-analysts", title: "Test Gadget Analysts", majorGroup: "99" },
      { code: "99-0003.00", slug: "test-sprocket-makers", title: "Test Sprocket Makers", majorGroup: "99" },
    ],
  });
});

describe("ZUpdateProfileInputSchema", () => {
  it("trims, splits occupations by line, drops duplicates and empty optional fields", () => {
    expect(ZUpdateProfileInputSchema.parse(form)).toEqual({
      displayName: "Ada Practitioner",
      jobTitle: "Senior widget engineer",
      occupations: ["99-0001.00 Test Widget Engineers", "test gadget analysts", "99-0001.00"],
      yearsExperience: 12,
      sector: "private",
      region: null,
      bio: "I design widgets.",
    });
  });

  it("explains each invalid field", () => {
    const result = ZUpdateProfileInputSchema.safeParse({ displayName: " ", jobTitle: "", occupations: "\n", yearsExperience: "a lot", sector: "pirate", region: "x".repeat(81), bio: "" });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(fields).toEqual({
      displayName: "Enter the name to show with your contributions.",
      jobTitle: "Enter your current job title.",
      occupations: "Name at least one occupation you have worked in (its code, like 15-1252.00, or its title).",
      yearsExperience: "Enter your years of experience as a whole number, like 7.",
      sector: "Choose the sector you work in.",
      region: "The region can be at most 80 characters.",
    });
    expect(ZUpdateProfileInputSchema.safeParse({ ...form, yearsExperience: "71" }).error?.issues[0]?.message).toBe("Years of experience can be at most 70.");
  });
});

describe("updateProfile", () => {
  it("saves the profile, resolves occupations by code or title and sets the display name", async () => {
    const user = await seedUser({ databaseUrl: database.url, name: null });
    const actor = { userId: user.id, role: user.role };
    const saved = await updateProfile({ actor, data: ZUpdateProfileInputSchema.parse(form) });
    expect(saved.occupations).toEqual([
      { code: "99-0001.00", title: "Test Widget Engineers" },
      { code: "99-0002.00", title: "Test Gadget Analysts" },
    ]);
    expect(await getOwnProfile({ actor })).toEqual({
      email: user.email,
      displayName: "Ada Practitioner",
      jobTitle: "Senior widget engineer",
      yearsExperience: 12,
      sector: "private",
      region: "",
      bio: "I design widgets.",
      occupations: saved.occupations,
      saved: true,
    });
    const { prisma } = await import("@/lib/db/prisma");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada Practitioner");
  });

  it("names the roles whose pages show the person over a published narrative, so they are revalidated", async () => {
    const { prisma } = await import("@/lib/db/prisma");
    const user = await seedUser({ databaseUrl: database.url });
    const actor = { userId: user.id, role: user.role };
    const narrative = (occupationCode: string, status: "APPROVED" | "PENDING") => ({
      kind: "NARRATIVE" as const,
      status,
      occupationCode,
      authorId: user.id,
      narrativeDoc: { type: "doc", content: [] },
      narrativeHtml: "<p>Widgets.</p>",
      yearsInRole: 5,
      promptAnswers: {},
    });
    await prisma.submission.createMany({ data: [narrative("99-0001.00", "APPROVED"), narrative("99-0001.00", "APPROVED"), narrative("99-0002.00", "PENDING")] });
    const saved = await updateProfile({ actor, data: ZUpdateProfileInputSchema.parse(form) });
    expect(saved.rolesShowingAuthor).toEqual(["99-0001.00"]);
  });

  it("replaces the occupations on the next save", async () => {
    const user = await seedUser({ databaseUrl: database.url });
    const actor = { userId: user.id, role: user.role };
    await updateProfile({ actor, data: ZUpdateProfileInputSchema.parse(form) });
    await updateProfile({ actor, data: ZUpdateProfileInputSchema.parse({ ...form, occupations: "99-0003.00", region: "Ohio" }) });
    const profile = await getOwnProfile({ actor });
    expect(profile.occupations).toEqual([{ code: "99-0003.00", title: "Test Sprocket Makers" }]);
    expect(profile.region).toBe("Ohio");
  });

  it("refuses unknown occupations with a field error naming them, and changes nothing", async () => {
    const user = await seedUser({ databaseUrl: database.url });
    const actor = { userId: user.id, role: user.role };
    const error = await updateProfile({ actor, data: ZUpdateProfileInputSchema.parse({ ...form, occupations: "99-0001.00\n12-3456.78\nAstronaut" }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID_INPUT");
    expect((error as AppError).fieldErrors?.occupations).toEqual([
      "“12-3456.78” is not an occupation in Careerwiki. Use its O*NET-SOC code (e.g. 15-1252.00) or its exact title.",
      "“Astronaut” is not an occupation in Careerwiki. Use its O*NET-SOC code (e.g. 15-1252.00) or its exact title.",
    ]);
    expect((await getOwnProfile({ actor })).saved).toBe(false);
  });

  it("refuses without an actor", async () => {
    await expect(updateProfile({ actor: null as never, data: ZUpdateProfileInputSchema.parse(form) })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
