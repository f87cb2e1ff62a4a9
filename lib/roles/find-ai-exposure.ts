import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { ReleaseSummary } from "@/lib/releases/find-current-releases";
import type { AiIndexValue, AiMetricKey, SectionSource } from "./role-page.types";

interface IndexDefinition {
  metric: AiMetricKey;
  dataset: string;
  label: string;
  measures: string;
  /** Which code the file is keyed by once imported. */
  keyedBy: "soc" | "onet";
  inLevel: boolean;
}

/** Each index, in the order the page shows them, with one plain sentence on what it measures. */
const AI_INDICES: readonly IndexDefinition[] = [
  {
    metric: "ELOUNDOU_GAMMA",
    dataset: "eloundou",
    label: "LLM exposure γ (Eloundou et al., GPT-4 ratings)",
    measures: "The share of the occupation's O*NET tasks that a large language model, alone or with software built on it, could do at least half again as fast at the same quality (E1 + E2).",
    keyedBy: "onet",
    inLevel: true,
  },
  {
    metric: "ELOUNDOU_BETA",
    dataset: "eloundou",
    label: "LLM exposure β (Eloundou et al.)",
    measures: "The same share, counting tasks that need extra software at half weight (E1 + ½ E2).",
    keyedBy: "onet",
    inLevel: false,
  },
  {
    metric: "ELOUNDOU_ALPHA",
    dataset: "eloundou",
    label: "LLM exposure α (Eloundou et al.)",
    measures: "The share of tasks a language model alone could speed up that much, without extra software (E1 only).",
    keyedBy: "onet",
    inLevel: false,
  },
  {
    metric: "FELTEN_AIOE",
    dataset: "aioe",
    label: "AI Occupational Exposure, AIOE (Felten, Raj & Seamans)",
    measures: "How closely the abilities the work relies on are linked to ten common kinds of AI application, such as image recognition and language modelling.",
    keyedBy: "soc",
    inLevel: true,
  },
  {
    metric: "FELTEN_LM_AIOE",
    dataset: "aioe-lm",
    label: "Language-modelling AIOE (Felten, Raj & Seamans)",
    measures: "The same link of abilities to AI, counting language modelling (tools such as ChatGPT) only.",
    keyedBy: "soc",
    inLevel: true,
  },
  {
    metric: "MS_APPLICABILITY",
    dataset: "ms-ai-applicability",
    label: "AI applicability (Microsoft Research, Working with AI)",
    measures: "How often people asked Bing Copilot for help with the occupation's work activities in 2024, and how well it helped, combined into one score.",
    keyedBy: "soc",
    inLevel: true,
  },
];

/** Every index for the occupation: value and percentile, or nulls when the index has none. */
export async function findAiExposure(
  releases: ReadonlyMap<string, ReleaseSummary>,
  toSource: (release: ReleaseSummary) => SectionSource,
  occupation: { code: string; socCode: string | null },
): Promise<AiIndexValue[]> {
  const used = AI_INDICES.filter((index) => releases.has(index.dataset));
  const releaseIds = [...new Set(used.map((index) => releases.get(index.dataset)!.id))];
  const codes = [occupation.code, ...(occupation.socCode ? [occupation.socCode] : [])];
  const rows =
    releaseIds.length === 0
      ? []
      : await prisma.aiExposure.findMany({
          where: { releaseId: { in: releaseIds }, code: { in: codes } },
          select: { releaseId: true, metric: true, code: true, value: true, percentile: true, sourceCodes: true },
        });
  return used.map((index) => {
    const release = releases.get(index.dataset)!;
    const code = index.keyedBy === "onet" ? occupation.code : occupation.socCode;
    const row = rows.find((r) => r.releaseId === release.id && r.metric === index.metric && r.code === code);
    return {
      metric: index.metric,
      label: index.label,
      measures: index.measures,
      source: toSource(release),
      value: row?.value ?? null,
      percentile: row?.percentile ?? null,
      code: row?.code ?? null,
      predecessorCodes: row?.sourceCodes ?? [],
      inLevel: index.inLevel,
    };
  });
}
