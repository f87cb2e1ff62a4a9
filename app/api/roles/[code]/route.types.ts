import { z } from "zod";
import type { RolePage } from "@/lib/roles/role-page.types";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";

/** /api/roles/<code>: an O*NET-SOC 2019 code such as 15-1299.05. */
export const ZGetRoleApiParamsSchema = z.object({
  code: ZOnetSocCodeSchema.meta({ description: "An O*NET-SOC 2019 code.", example: "15-1299.05" }),
});

/** Every object of the Role is strict: a field added to RolePage fails the API's tests until it is documented here. */
const strict = <TShape extends z.ZodRawShape>(shape: TShape) => z.strictObject(shape);
const money = z.number().nullable();

const ZSectionSourceSchema = strict({ dataset: z.string(), name: z.string(), version: z.string(), referencePeriod: z.string() }).meta({ id: "SectionSource" });

const ZFigureBasisSchema = z
  .discriminatedUnion("kind", [
    strict({ kind: z.literal("own"), socCode: z.string(), socTitle: z.string() }),
    strict({ kind: z.literal("shared"), socCode: z.string(), socTitle: z.string(), occupationCount: z.number().int() }),
    strict({ kind: z.literal("group"), socCode: z.string(), socTitle: z.string(), groupLevel: z.enum(["broad", "minor", "major"]), ownSocCode: z.string() }),
  ])
  .describe("Where a BLS figure comes from: the occupation's own SOC code, one it shares with other O*NET occupations, or the smallest published group containing it.")
  .meta({ id: "FigureBasis" });

const ZPayPointSchema = strict({
  percentile: z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(75), z.literal(90)]),
  value: money.describe("null when BLS publishes no figure (see topCoded)."),
  topCoded: z.boolean().describe("BLS's #: at or above the top of its wage range."),
}).meta({ id: "PayPoint" });

const ZWagesSchema = strict({
  source: ZSectionSourceSchema,
  basis: ZFigureBasisSchema,
  employment: money,
  annualMean: money,
  hourlyMean: money,
  annual: z.array(ZPayPointSchema),
  hourly: z.array(ZPayPointSchema),
  annualOnly: z.boolean(),
  hourlyOnly: z.boolean(),
  previous: strict({ source: ZSectionSourceSchema, annualMedian: money, medianTopCoded: z.boolean(), changePercent: money }).nullable(),
}).describe("BLS OEWS pay: percentiles annual and hourly, and where the figure comes from.");

const ZAreaWageSchema = strict({
  areaCode: z.string(),
  state: z.string(),
  name: z.string(),
  basis: ZFigureBasisSchema,
  employment: money,
  jobsPer1000: money,
  locationQuotient: money,
  annualP10: money,
  annualMedian: money,
  annualP90: money,
  hourlyMedian: money,
  topCoded: z.array(z.string()),
}).describe("One state's or metro area's OEWS figures (null where BLS published none) and the SOC code they are for.");

const ZProjectionSchema = strict({
  source: ZSectionSourceSchema,
  basis: ZFigureBasisSchema,
  baseYear: z.number().int(),
  projectedYear: z.number().int(),
  employmentBase: money.describe("Thousands."),
  employmentProjected: money.describe("Thousands."),
  changeNumeric: money,
  changePercent: money,
  annualOpenings: money.describe("Thousands a year."),
  entryEducation: z.string().nullable(),
  workExperience: z.string().nullable(),
  onTheJobTraining: z.string().nullable(),
  brightOutlook: strict({
    bright: z.boolean(),
    grows: z.boolean(),
    manyOpenings: z.boolean(),
    growthThresholdPercent: z.number(),
    openingsThreshold: z.number(),
    openingsOverPeriod: money,
    periodYears: z.number(),
  }),
}).describe("BLS employment projection.");

const ZRatingItemSchema = strict({
  elementId: z.string(),
  name: z.string(),
  importance: z.number().nullable().describe("O*NET importance (IM, 1–5); interests: occupational interest score (OI, 1–7)."),
  level: z.number().nullable(),
  suppressed: z.boolean(),
});

const ZWorkProfileSchema = strict({
  source: ZSectionSourceSchema.describe("The O*NET release the list comes from (the newest that has the file)."),
  items: z.array(
    strict({
      elementId: z.string(),
      name: z.string(),
      description: z.string().nullable().describe("O*NET's description (Content Model Reference)."),
      scale: strict({ id: z.string(), name: z.string(), minimum: z.number(), maximum: z.number() }).describe("IM, WI (−3 to 3), EX, CX or CT (O*NET's Scales Reference)."),
      value: z.number(),
      distinctiveness: z.number().int().nullable().describe("30.x Work Styles: O*NET's distinctiveness rank 1–10, null when not ranked."),
      topAnswer: strict({ label: z.string(), percent: z.number() }).nullable().describe("Work Context: the answer most respondents gave."),
      suppressed: z.boolean(),
    }),
  ),
})
  .nullable()
  .meta({ id: "WorkProfileList" });

const ZCorrectionSchema = strict({
  origin: z.literal("community"),
  field: z.enum(["DESCRIPTION", "TASK", "ALTERNATE_TITLES", "TECHNOLOGY_SKILLS", "EDUCATION", "RELATED_CAREERS", "PAY_OUTLOOK_NOTE"]),
  itemKey: z.string().describe('Tasks: "onet:<task id>"; list items: "onet:<the official item without case>"; "new:<id>" for an added task or item; "" for whole fields (and whole lists stored before item corrections).'),
  value: z.union([z.string(), z.array(z.string())]).nullable(),
  removed: z.boolean(),
  official: z.union([z.string(), z.array(z.string())]).nullable(),
  roles: z.array(strict({ code: z.string(), slug: z.string(), title: z.string() })).optional(),
  submissionId: z.string().nullable().describe("The approved submission it comes from (null after a rollback or a moderator's update): reports name it."),
  revision: z.number().int(),
  historyUrl: z.string(),
  releaseConflict: strict({ fromVersion: z.string(), toVersion: z.string(), note: z.string() }).nullable(),
})
  .describe("A practitioners' correction approved by a moderator, shown in place of the official value (kept in `official`).")
  .meta({ id: "Correction" });

const shownOf = <T extends z.ZodType>(value: T) => strict({ value, correction: ZCorrectionSchema.nullable() });
const ZShownTaskSchema = strict({
  key: z.string(),
  statement: z.string(),
  importance: z.number().nullable().describe("O*NET task importance (IM, 1–5) of an official task; null without Task Ratings or for an added task."),
  correction: ZCorrectionSchema.nullable(),
});
const ZShownRelatedSchema = strict({ code: z.string(), slug: z.string(), title: z.string(), tier: z.string().nullable(), medianAnnual: money, medianTopCoded: z.boolean(), basis: ZFigureBasisSchema.nullable() });

const MISSING_KEYS = [
  "description", "alsoKnownAs", "tasks", "narratives", "wages", "projection", "jobZone", "educationLevels", "video", "aiLevel", "aiIndices",
  "ratings", "interests", "workStyles", "workValues", "workContext", "technology", "tools", "related",
] as const;

const SECTION_IDS = [
  "overview", "tasks", "inside-this-career", "pay", "outlook", "education", "ai-exposure", "skills", "work-styles", "work-context", "technology", "related", "sources",
] as const;

/** One item of a list (alternate titles, technology skills, related careers) as readers see it, with where it came from. */
const ZShownListEntrySchema = strict({
  key: z.string().describe('"onet:<the official item without case>" for an official item, "new:<id>" for one practitioners added.'),
  text: z.string().describe("The item as shown (an O*NET-SOC code for related careers)."),
  origin: z.enum(["official", "community"]).describe("official: as the official release publishes it; community: added or reworded by practitioners (approved by a moderator)."),
  official: z.string().nullable().describe("The official item it stands for; null when practitioners added it."),
  correction: ZCorrectionSchema.nullable().describe("The approved correction the item comes from; null for an official item as published."),
}).meta({ id: "ShownListEntry" });

/** A list corrected item by item: `value[i]` is the item `items[i]` describes. */
const shownItems = <T extends z.ZodType>(value: T, description: string) =>
  strict({
    value: z.array(value),
    items: z.array(ZShownListEntrySchema),
    removed: z.array(ZShownListEntrySchema).describe("Official items practitioners removed."),
    correction: ZCorrectionSchema.nullable().describe("A whole-list correction stored before lists were corrected item by item (it replaces the official list); null otherwise."),
  }).describe(description);

/**
 * GET /api/roles/<code>: the role view (lib/roles/role-page.types.ts, RolePage). Every
 * object in it is strict, nested parts too: a field added to RolePage fails the API's tests
 * until it is documented here.
 */
export const ZRoleApiResponseSchema = strict({
  code: z.string().describe("O*NET-SOC 2019 code."),
  slug: z.string().describe("The role page's address: /roles/<slug>."),
  title: z.string(),
  socCode: z.string().nullable().describe("The SOC 2018 code BLS figures are published under."),
  description: z.string(),
  summary: z.string().describe("The description's first sentence as readers see it (a practitioners' correction applied)."),
  alsoKnownAs: z.array(z.string()),
  onet: ZSectionSourceSchema,
  onetOlderParts: z.array(strict({ part: z.string(), version: z.string(), note: z.string() })).describe("Parts read from an older O*NET release than `onet`, because the current one lacks their file."),
  inCurrentRelease: z.boolean().describe("False when the current O*NET release no longer lists this occupation."),
  lastOnetRelease: ZSectionSourceSchema.nullable().describe(
    "When the current O*NET release no longer lists this occupation: the last release that does, which its official sections come from (older parts: `onetOlderParts`).",
  ),
  successors: z
    .array(strict({ code: z.string().describe("O*NET-SOC code."), slug: z.string(), title: z.string() }))
    .describe("The occupations O*NET's taxonomy crosswalk names as successors of an occupation that left the current release; empty otherwise."),
  tasks: z.array(strict({ taskId: z.number().int(), statement: z.string(), taskType: z.string().nullable(), importance: z.number().nullable().describe("O*NET task importance (IM, 1–5), null without Task Ratings.") })),
  tasksRanked: z.boolean().describe("True when the tasks carry O*NET importance and are ordered by it."),
  wages: ZWagesSchema.nullable(),
  stateWages: strict({
    source: ZSectionSourceSchema,
    states: z.array(ZAreaWageSchema),
    metros: z
      .array(ZAreaWageSchema)
      .describe("Metro areas' OEWS figures (BLS's MSA file; `state` is the area's primary state); empty when no MSA file was imported."),
  })
    .nullable()
    .describe("BLS OEWS pay by state and by metro area, each highest median first."),
  projection: ZProjectionSchema.nullable(),
  jobZone: strict({ zone: z.number().int(), name: z.string(), education: z.string(), experience: z.string(), training: z.string(), examples: z.string(), svpRange: z.string() })
    .nullable()
    .describe("O*NET job zone: how much preparation the work needs."),
  educationLevels: z.array(strict({ category: z.number().int(), label: z.string(), percent: z.number(), suppressed: z.boolean() })).describe("Share of workers by education level (O*NET)."),
  educationCost: strict({
    source: ZSectionSourceSchema,
    academicYear: z.string(),
    years: z.number(),
    rows: z.array(strict({ label: z.string(), sector: z.string(), level: z.string(), tuitionFees: money, total: money })),
  })
    .nullable()
    .describe("NCES tuition and fees for the typical entry education."),
  educationCostNote: z.string(),
  video: strict({
    source: ZSectionSourceSchema,
    pageUrl: z.string(),
    videoCode: z.string(),
    relatedOccupation: strict({ code: z.string(), title: z.string(), slug: z.string().nullable() }).nullable(),
  })
    .nullable()
    .describe("A CareerOneStop video (linked, never re-hosted)."),
  aiExposure: z.array(
    strict({
      metric: z.enum(["FELTEN_AIOE", "FELTEN_LM_AIOE", "ELOUNDOU_GAMMA", "ELOUNDOU_BETA", "ELOUNDOU_ALPHA", "MS_APPLICABILITY"]),
      label: z.string(),
      measures: z.string(),
      source: ZSectionSourceSchema,
      value: z.number().nullable(),
      percentile: z.number().nullable(),
      code: z.string().nullable(),
      predecessorCodes: z.array(z.string()),
      inLevel: z.boolean(),
    }),
  ).describe("AI exposure index values and their sources."),
  aiLevel: strict({ level: z.enum(["Low", "Medium", "High"]), meanPercentile: z.number(), indexCount: z.number().int() }).nullable().describe("The AI exposure level summarised."),
  ratings: strict({
    skills: z.array(ZRatingItemSchema),
    knowledge: z.array(ZRatingItemSchema),
    abilities: z.array(ZRatingItemSchema),
    interests: z.array(ZRatingItemSchema),
    workActivities: z.array(ZRatingItemSchema),
  }).describe("O*NET skills, knowledge, abilities, work activities and interests, most important first."),
  workStyles: ZWorkProfileSchema.describe("O*NET Work Styles, highest first: null when no imported release has Work Styles.txt, no items when it rates none for this occupation."),
  workValues: ZWorkProfileSchema.describe("O*NET Work Values (extent), highest first; null and empty as workStyles."),
  workContext: ZWorkProfileSchema.describe("O*NET Work Context, highest first; null and empty as workStyles."),
  technology: z.array(strict({ commodityTitle: z.string(), items: z.array(strict({ example: z.string(), hotTechnology: z.boolean(), inDemand: z.boolean() })) })).describe("Technology skills by category."),
  tools: z.array(strict({ commodityTitle: z.string(), items: z.array(z.string()) })).describe("Tools used by category."),
  related: z.array(strict({ code: z.string(), slug: z.string(), title: z.string(), tier: z.string(), medianAnnual: money, medianTopCoded: z.boolean(), basis: ZFigureBasisSchema.nullable() })).describe("Related occupations (O*NET)."),
  group: strict({ code: z.string(), name: z.string() }).describe("The SOC major group."),
  narratives: z.array(
    strict({
      id: z.string(),
      author: strict({
        name: z.string(),
        jobTitle: z.string().nullable(),
        badges: z.array(z.string()).describe("Running verified-practitioner badges, e.g. \"Verified practitioner: Registered Nurses\"."),
        profileHref: z.string().nullable().describe("The author's public profile (/people/<number>), null when they keep it private."),
      }),
      yearsInRole: z.number().int().nullable(),
      title: z.string(),
      publishedAt: z.string(),
      html: z.string().describe("Sanitised HTML."),
      text: z.string(),
      answers: z.array(strict({ key: z.string(), prompt: z.string(), text: z.string() })),
      href: z.string(),
    }),
  ).describe("Approved practitioners' accounts, newest first."),
  community: strict({ corrections: z.array(ZCorrectionSchema), latestRevision: z.number().int(), lastEditedAt: z.string().nullable(), historyUrl: z.string() }).describe(
    "Approved practitioner corrections laid over the official values (which stay as published).",
  ),
  shown: strict({
    description: shownOf(z.string()),
    alsoKnownAs: shownItems(z.string(), "Alternate titles as shown, each with its origin."),
    tasks: strict({ groups: z.array(strict({ heading: z.string(), tasks: z.array(ZShownTaskSchema) })), added: z.array(ZShownTaskSchema), removed: z.array(ZShownTaskSchema) }),
    education: shownOf(z.string().nullable()),
    technologySkills: shownItems(z.string(), "Technology skills as shown when practitioners corrected any (null: O*NET's grouped list in `technology` as published).").nullable(),
    related: shownItems(ZShownRelatedSchema, "Related careers as shown, each with its origin."),
    payOutlookNote: ZCorrectionSchema.nullable(),
    pay: strict({ unit: z.enum(["annual", "hourly"]), median: ZPayPointSchema, low: ZPayPointSchema.nullable(), high: ZPayPointSchema.nullable() }).nullable(),
  }).describe("The values as readers see them: official ones with approved corrections applied; list items carry `origin` (official or community)."),
  missing: strict(Object.fromEntries(MISSING_KEYS.map((key) => [key, z.string().optional()])) as Record<(typeof MISSING_KEYS)[number], z.ZodOptional<z.ZodString>>).describe(
    "What the datasets have no value for, one sentence per part (only the parts that apply).",
  ),
  sections: z.array(strict({ id: z.enum(SECTION_IDS), title: z.string(), sources: z.array(ZSectionSourceSchema) })).describe("The page's sections in order, with the releases they draw on."),
  sources: z.array(
    strict({
      dataset: z.string(),
      name: z.string(),
      publisher: z.string(),
      version: z.string(),
      referencePeriod: z.string(),
      license: z.string(),
      sourceUrl: z.string(),
      citation: z.string(),
      importedAt: z.string(),
    }),
  ).describe("The dataset releases the view draws on."),
  dataAsOf: z.string().nullable().describe("The newest import date among the sources (ISO date)."),
}).meta({ id: "Role" });

export type TRoleApiResponse = z.infer<typeof ZRoleApiResponseSchema>;

/** The schema and the view describe the same object, both ways: a field that one has and the other lacks fails typecheck. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type TRoleApiSchemaMatchesView = Same<TRoleApiResponse, RolePage> extends true ? true : never;
const schemaMatchesView: TRoleApiSchemaMatchesView = true;
void schemaMatchesView;
