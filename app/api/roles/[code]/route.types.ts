import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";

/** /api/roles/<code>: an O*NET-SOC 2019 code such as 15-1299.05. */
export const ZGetRoleApiParamsSchema = z.object({
  code: ZOnetSocCodeSchema.meta({ description: "An O*NET-SOC 2019 code.", example: "15-1299.05" }),
});

const ZSectionSourceSchema = z.object({ dataset: z.string(), name: z.string(), version: z.string(), referencePeriod: z.string() }).strict().meta({ id: "SectionSource" });

/** One item of a list (alternate titles, technology skills, related careers) as readers see it, with where it came from. */
const ZShownListEntrySchema = z
  .object({
    key: z.string().describe('"onet:<the official item without case>" for an official item, "new:<id>" for one practitioners added.'),
    text: z.string().describe("The item as shown (an O*NET-SOC code for related careers)."),
    origin: z.enum(["official", "community"]).describe("official: as the official release publishes it; community: added or reworded by practitioners (approved by a moderator)."),
    official: z.string().nullable().describe("The official item it stands for; null when practitioners added it."),
    correction: z.looseObject({ revision: z.number().int(), historyUrl: z.string() }).nullable().describe("The approved correction the item comes from; null for an official item as published."),
  })
  .strict()
  .meta({ id: "ShownListEntry" });

/** A list corrected item by item: `value[i]` is the item `items[i]` describes. */
const shownItems = (value: z.ZodType, description: string) =>
  z
    .looseObject({
      value: z.array(value),
      items: z.array(ZShownListEntrySchema),
      removed: z.array(ZShownListEntrySchema).describe("Official items practitioners removed."),
      correction: z.looseObject({}).nullable().describe("A whole-list correction stored before lists were corrected item by item (it replaces the official list); null otherwise."),
    })
    .describe(description);

/** A part whose every field the README's RolePage describes: named here with the fields a client keys on, the rest passed through. */
const part = <TShape extends z.ZodRawShape>(shape: TShape, description: string) => z.looseObject(shape).describe(description);

/**
 * GET /api/roles/<code>: the role view (lib/roles/role-page.types.ts, RolePage). Every
 * top-level field is listed (strict: a field added to RolePage fails the API's test until it
 * is documented here); nested parts name their keys and let further fields through.
 */
export const ZRoleApiResponseSchema = z
  .object({
    code: z.string().describe("O*NET-SOC 2019 code."),
    slug: z.string().describe("The role page's address: /roles/<slug>."),
    title: z.string(),
    socCode: z.string().nullable().describe("The SOC 2018 code BLS figures are published under."),
    description: z.string(),
    summary: z.string().describe("The description's first sentence as readers see it (a practitioners' correction applied)."),
    alsoKnownAs: z.array(z.string()),
    onet: ZSectionSourceSchema,
    onetOlderParts: z.array(z.object({ part: z.string(), version: z.string(), note: z.string() }).strict()),
    inCurrentRelease: z.boolean().describe("False when the current O*NET release no longer lists this occupation."),
    tasks: z.array(part({ statement: z.string() }, "A task statement, with O*NET importance when ranked.")),
    tasksRanked: z.boolean(),
    wages: part({ source: ZSectionSourceSchema, employment: z.number().nullable(), annualMean: z.number().nullable() }, "BLS OEWS pay: percentiles annual and hourly, and where the figure comes from.").nullable(),
    stateWages: part(
      { source: ZSectionSourceSchema, states: z.array(part({ state: z.string() }, "One state's OEWS figures (median, 10th–90th, employment, jobs per 1,000, location quotient; null where BLS published none) and the SOC code they are for.")) },
      "BLS OEWS pay by state, highest median first.",
    ).nullable(),
    projection: part({ source: ZSectionSourceSchema, baseYear: z.number().int(), projectedYear: z.number().int(), changePercent: z.number().nullable() }, "BLS employment projection.").nullable(),
    jobZone: part({}, "O*NET job zone: how much preparation the work needs.").nullable(),
    educationLevels: z.array(part({}, "Share of workers by education level (O*NET).")),
    educationCost: part({}, "NCES tuition and fees for the typical entry education.").nullable(),
    educationCostNote: z.string(),
    video: part({}, "A CareerOneStop video.").nullable(),
    aiExposure: z.array(part({}, "An AI exposure index value and its source.")),
    aiLevel: part({}, "The AI exposure level summarised: Low, Medium or High.").nullable(),
    ratings: part({}, "O*NET skills, knowledge and abilities with their importance."),
    technology: z.array(part({}, "Technology skills by category.")),
    tools: z.array(part({}, "Tools used by category.")),
    related: z.array(part({ code: z.string(), title: z.string() }, "A related occupation (O*NET).")),
    group: z.object({ code: z.string(), name: z.string() }).strict().describe("The SOC major group."),
    narratives: z.array(part({ id: z.string() }, "An approved practitioner's account, newest first.")),
    community: part({}, "Approved practitioner corrections laid over the official values (which stay as published)."),
    shown: part(
      {
        alsoKnownAs: shownItems(z.string(), "Alternate titles as shown, each with its origin."),
        technologySkills: shownItems(z.string(), "Technology skills as shown when practitioners corrected any (null: O*NET's list in `technology` as published).").nullable(),
        related: shownItems(part({ code: z.string(), title: z.string() }, "A related career as shown."), "Related careers as shown, each with its origin."),
      },
      "The values as readers see them: official ones with approved corrections applied; list items carry `origin` (official or community).",
    ),
    missing: z.record(z.string(), z.string()).describe("What the datasets have no value for, one sentence per part."),
    sections: z.array(part({ id: z.string() }, "The page's sections in order, with the releases they draw on.")),
    sources: z.array(part({ dataset: z.string(), version: z.string(), importedAt: z.string() }, "A dataset release the view draws on.")),
    dataAsOf: z.string().nullable().describe("The newest import date among the sources (ISO date)."),
  })
  .strict()
  .meta({ id: "Role" });

export type TRoleApiResponse = z.infer<typeof ZRoleApiResponseSchema>;
