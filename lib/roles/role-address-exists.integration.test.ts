import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { roleAddressExists } from "./role-address-exists";

useTestDatabase();

describe("roleAddressExists (the proxy's check before a role page renders)", () => {
  it("knows a role's slug, its old slugs and its code, and nothing else", async () => {
    const { code, slug } = await seedOccupation("99-0001.00", "Test Widget Engineers");
    await prisma.slugRedirect.create({ data: { slug: "test-widget-makers", occupationCode: code } });
    expect(await roleAddressExists(slug)).toBe(true);
    expect(await roleAddressExists("test-widget-makers")).toBe(true);
    expect(await roleAddressExists(code)).toBe(true);
    expect(await roleAddressExists("no-such-role")).toBe(false);
    expect(await roleAddressExists("99-9999.00")).toBe(false);
  });

  it("finds a role imported after the process read the known addresses", async () => {
    expect(await roleAddressExists("test-gadget-technicians")).toBe(false);
    const { slug, code } = await seedOccupation("99-0002.00", "Test Gadget Technicians");
    expect(await roleAddressExists(slug)).toBe(true);
    expect(await roleAddressExists(code)).toBe(true);
  });
});
