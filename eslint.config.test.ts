import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs, proven on snippets placed in each layer (nothing is
// written to disk: the path only decides which rules apply).
const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: path.join(import.meta.dirname, "eslint.config.mjs") });

async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { imported } from "${source}";\nexport const used = imported;\n`, { filePath: path.join(import.meta.dirname, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

const cases: { layer: string; file: string; refused: string[]; allowed: string[] }[] = [
  {
    layer: "components/ never imports the database or Prisma",
    file: "components/role/example.tsx",
    refused: ["@/lib/db/prisma", "@/lib/db/migrate", "@/lib/generated/prisma/enums", "../../lib/generated/prisma/client", "@prisma/client", "pg"],
    allowed: ["@/lib/community/fields", "@/components/ui/action-form", "react"],
  },
  {
    layer: "app/ never imports the Prisma client",
    file: "app/(reader)/roles/[slug]/example/page.tsx",
    refused: ["@/lib/db/prisma", "@/lib/generated/prisma/client", "@/lib/generated/prisma/enums", "../../../../lib/db/prisma"],
    allowed: ["@/lib/roles/get-role-page", "next/navigation"],
  },
  {
    layer: "lib/datasets never imports the community layer",
    file: "lib/datasets/onet/example.ts",
    refused: ["@/lib/community/fields", "@/lib/submissions/submit-correction", "@/lib/revisions/page-state", "@/lib/notifications/queue-notification", "@/lib/audit/write-audit-entry", "../../revisions/page-state", "next/headers"],
    allowed: ["../cells", "./read-onet-file", "@/lib/db/prisma", "pg"],
  },
  {
    layer: "lib/ never imports next/headers outside lib/auth",
    file: "lib/roles/example.ts",
    refused: ["next/headers"],
    allowed: ["next/cache", "@/lib/db/prisma"],
  },
  { layer: "lib/auth reads cookies and headers", file: "lib/auth/example.ts", refused: [], allowed: ["next/headers"] },
];

describe("the layer rules (eslint.config.mjs)", () => {
  for (const { layer, file, refused, allowed } of cases) {
    it(`${layer} (${file})`, async () => {
      for (const source of refused) expect(await layerErrors(file, source), `${file} importing ${source}`).toHaveLength(1);
      for (const source of allowed) expect(await layerErrors(file, source), `${file} importing ${source}`).toEqual([]);
    });
  }
});

// Dates shown to people go through <DateTime> (components/ui/date-time.tsx); plain-text places are allowed by name.
async function dateErrors(filePath: string, source: string, name = "formatDate"): Promise<string[]> {
  const [result] = await eslint.lintText(`import { ${name} } from "${source}";\nexport const used = ${name};\n`, { filePath: path.join(import.meta.dirname, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-syntax").map((message) => message.message);
}

describe("the date rule (eslint.config.mjs)", () => {
  it("refuses lib/dates' formatters in pages and components", async () => {
    expect(await dateErrors("app/(reader)/roles/[slug]/example/page.tsx", "@/lib/dates")).toHaveLength(1);
    expect(await dateErrors("app/(moderation)/moderation/example/page.tsx", "../../../lib/dates", "formatDateTime")).toHaveLength(1);
    expect(await dateErrors("components/community/example.tsx", "@/lib/dates", "formatTime")).toHaveLength(1);
  });
  it("allows the other helpers of lib/dates and the plain-text places", async () => {
    expect(await dateErrors("components/community/example.tsx", "@/lib/dates", "formatWait")).toEqual([]);
    expect(await dateErrors("components/ui/date-time.tsx", "@/lib/dates")).toEqual([]);
    expect(await dateErrors("components/role/cite-this-page.tsx", "@/lib/dates")).toEqual([]);
    expect(await dateErrors("app/(moderation)/moderation/actions.ts", "@/lib/dates", "formatTime")).toEqual([]);
    expect(await dateErrors("app/(reader)/roles/[slug]/changes.atom/route.ts", "@/lib/dates", "formatDateTime")).toEqual([]);
    expect(await dateErrors("lib/email/example.ts", "@/lib/dates")).toEqual([]);
  });
});
