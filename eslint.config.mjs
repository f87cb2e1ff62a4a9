import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

// The layers (CONVENTIONS.md, "Layers"): what each folder may not import. `@/x` and relative
// paths (`../../lib/db/prisma`) are both caught; `import type` too.
const up = "^(@/|(\\.\\./)+)";
const layerRules = {
  databaseOrPrisma: {
    paths: [
      { name: "pg", message: "Components never touch the database: read through lib/ in the page and pass plain props." },
      { name: "pg-copy-streams", message: "Components never touch the database: read through lib/ in the page and pass plain props." },
    ],
    patterns: [
      { regex: `${up}lib/(db|generated)(/|$)`, message: "Components never touch the database or Prisma: read through lib/ in the page and pass plain props." },
      { regex: "^@prisma/", message: "Components never touch the database or Prisma: read through lib/ in the page and pass plain props." },
    ],
  },
  prismaClient: {
    patterns: [{ regex: `${up}lib/(db/prisma|generated/prisma)`, message: "Pages, layouts, actions and handlers read and write through lib/<domain>/<verb>-<noun>.ts, never the Prisma client." }],
  },
  requestHeaders: {
    paths: [{ name: "next/headers", message: "Only lib/auth reads cookies and headers: pass the actor (or the value) in from the entry point." }],
  },
  communityLayer: {
    patterns: [
      {
        regex: `${up}(lib/)?(community|submissions|revisions|notifications|audit|actions|profiles|users)(/|$)`,
        message: "The importer (lib/datasets) writes the official layer only: it never imports the community layer.",
      },
    ],
  },
};
// Every date shown to people goes through components/ui/date-time.tsx (<DateTime>, a <time dateTime>
// element): app/ and components/ never import lib/dates' formatters, except where the date is
// plain text by nature (listed below with the reason).
const dateFormatterImport = {
  // esquery ends a regex at any "/", so "." stands for it.
  selector: "ImportDeclaration[source.value=/^(@.|([.][.].)+)lib.dates$/] > ImportSpecifier[imported.name=/^format(Date|DateTime|Time)$/]",
  message: "Show dates with <DateTime> from components/ui/date-time.tsx (a <time dateTime> element), not lib/dates' formatters in JSX.",
};
const plainTextDates = [
  "components/ui/date-time.tsx", // the one place that formats for people
  "app/**/actions.ts", // status messages are plain strings ("Claimed until 17:07 UTC.")
  "app/**/route.ts", // feeds, Markdown, JSON, e-mail bodies: text, not HTML
  "components/role/cite-this-page.tsx", // a citation is a text string (APA, MLA, BibTeX); the date is set after hydration
];
const restrict = (...rules) => ["error", { paths: rules.flatMap((rule) => rule.paths ?? []), patterns: rules.flatMap((rule) => rule.patterns ?? []) }];

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".next-e2e/", "lib/generated/", ".data/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // One block per folder, each with its whole list: a later block's options replace an earlier one's.
  // Tests beside the code (`*.test.ts`) may seed and read the database directly.
  { files: ["components/**"], ignores: ["**/*.test.ts"], rules: { "no-restricted-imports": restrict(layerRules.databaseOrPrisma) } },
  { files: ["app/**"], ignores: ["**/*.test.ts"], rules: { "no-restricted-imports": restrict(layerRules.prismaClient) } },
  { files: ["lib/**"], ignores: ["lib/auth/**", "lib/datasets/**"], rules: { "no-restricted-imports": restrict(layerRules.requestHeaders) } },
  { files: ["lib/datasets/**"], rules: { "no-restricted-imports": restrict(layerRules.requestHeaders, layerRules.communityLayer) } },
  { files: ["app/**", "components/**"], ignores: ["**/*.test.ts", ...plainTextDates], rules: { "no-restricted-syntax": ["error", dateFormatterImport] } },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", global: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
