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
