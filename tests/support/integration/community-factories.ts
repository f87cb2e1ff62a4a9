import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";
import type { UserRole } from "@/lib/generated/prisma/enums";

/**
 * Factories for community-layer tests: an O*NET release with one occupation (description,
 * two tasks, alternate titles) and users of each role. Use inside a useTestDatabase() file.
 */
export async function seedOccupation(code = "99-0001.00", title = "Test Widget Engineers") {
  const release =
    (await prisma.datasetRelease.findFirst({ where: { dataset: "onet" } })) ??
    (await prisma.datasetRelease.create({
      data: {
        dataset: "onet",
        name: "O*NET Database",
        publisher: "USDOL/ETA",
        version: "29.3",
        referencePeriod: "2025",
        releasedOn: new Date("2025-05-01"),
        license: "CC BY 4.0",
        sourceUrl: "https://www.onetcenter.org/",
        citation: "O*NET 29.3",
        // Pages read each part from the newest release that lists its file.
        files: ["Occupation Data.txt", "Task Statements.txt", "Alternate Titles.txt"].map((name) => ({ name, sha256: "", bytes: 0 })),
      },
    }));
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await prisma.occupation.create({ data: { code, slug, title, majorGroup: code.slice(0, 2) } });
  await prisma.onetOccupation.create({ data: { releaseId: release.id, code, title, description: `Official description of ${title}.`, jobZone: null } });
  await prisma.task.createMany({
    data: [
      { releaseId: release.id, occupationCode: code, taskId: 1, statement: "Design widgets.", position: 1 },
      { releaseId: release.id, occupationCode: code, taskId: 2, statement: "Test widgets.", position: 2 },
    ],
  });
  await prisma.alternateTitle.createMany({
    data: [
      { releaseId: release.id, occupationCode: code, kind: "ALTERNATE", title: "Widget Designer", position: 1 },
      { releaseId: release.id, occupationCode: code, kind: "ALTERNATE", title: "Widget Maker", position: 2 },
    ],
  });
  return { code, slug, title };
}

export async function createUser(role: UserRole = "CONTRIBUTOR", name?: string): Promise<Actor & { name: string }> {
  const id = randomBytes(6).toString("hex");
  const displayName = name ?? `${role.toLowerCase()}-${id}`;
  const user = await prisma.user.create({ data: { email: `${id}@example.test`, name: displayName, role } });
  return { userId: user.id, role: user.role, name: displayName };
}

/** A valid correction input for the description of `code`. */
export function descriptionCorrection(code: string, text = "A clearer description of the work, written by people who do it.", baseRevisionNumber = 0) {
  return {
    occupationCode: code,
    field: "DESCRIPTION",
    operation: "CHANGE",
    proposedValue: { text },
    rationale: "The official text misses how the work is done today.",
    sourceUrl: "https://example.org/source",
    baseRevisionNumber,
  };
}

/** A narrative document with `words` words of plain text. */
export function narrativeDoc(text = "I have built widgets for twelve years. ".repeat(8)) {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "My work" }] },
      { type: "paragraph", content: [{ type: "text", text }, { type: "text", text: "my notes", marks: [{ type: "link", attrs: { href: "https://example.org/notes", target: null, rel: "nofollow ugc noopener", class: null } }] }] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Point one", marks: [{ type: "bold" }] }] }] }] },
    ],
  };
}
