import type { ReleaseMetadata } from "../register-release";

/** Release metadata of the AI-exposure files, from ai/SOURCE.md (repository commits the files come from). */

const FELTEN_CITATION =
  'Felten, E., Raj, M., & Seamans, R. (2021). "Occupational, industry, and geographic exposure to artificial intelligence: A novel dataset and its potential uses." Strategic Management Journal 42(12), 2195–2217. doi:10.1002/smj.3286';
const FELTEN_LICENSE = "No licence stated; the authors ask users to cite the paper";

export const AIOE_RELEASE: ReleaseMetadata = {
  dataset: "aioe",
  name: "AI Occupational Exposure (AIOE)",
  publisher: "Edward Felten, Manav Raj and Robert Seamans (AIOE-Data/AIOE)",
  version: "2021-06-11",
  referencePeriod: "2021 (774 SOC 2010 occupations)",
  releasedOn: "2021-06-11",
  license: FELTEN_LICENSE,
  sourceUrl: "https://github.com/AIOE-Data/AIOE",
  citation: FELTEN_CITATION,
};

export const AIOE_LM_RELEASE: ReleaseMetadata = {
  dataset: "aioe-lm",
  name: "Language Modeling AI Occupational Exposure (LM AIOE)",
  publisher: "Edward Felten, Manav Raj and Robert Seamans (AIOE-Data/AIOE)",
  version: "2023-03-07",
  referencePeriod: "2023 (774 SOC 2010 occupations)",
  releasedOn: "2023-03-07",
  license: FELTEN_LICENSE,
  sourceUrl: "https://github.com/AIOE-Data/AIOE",
  citation: `Felten, E., Raj, M., & Seamans, R. (2023). "How will Language Modelers like ChatGPT Affect Occupations and Industries?" arXiv:2303.01157. Method: ${FELTEN_CITATION}`,
};

export const ELOUNDOU_RELEASE: ReleaseMetadata = {
  dataset: "eloundou",
  name: "GPTs are GPTs: occupation-level LLM exposure (GPT-4 ratings)",
  publisher: "OpenAI (openai/GPTs-are-GPTs)",
  version: "2025-10-03",
  referencePeriod: "2023 (GPT-4 ratings of O*NET tasks)",
  releasedOn: "2025-10-03",
  license: "MIT",
  sourceUrl: "https://github.com/openai/GPTs-are-GPTs",
  citation:
    'Eloundou, T., Manning, S., Mishkin, P., & Rock, D. (2024). "GPTs are GPTs: Labor market impact potential of LLMs." Science 384(6702), 1306–1308. Preprint arXiv:2303.10130 (2023).',
};

export const MS_APPLICABILITY_RELEASE: ReleaseMetadata = {
  dataset: "ms-ai-applicability",
  name: "Working with AI: AI applicability score",
  publisher: "Microsoft Research (microsoft/working-with-ai)",
  version: "2025-08-29",
  referencePeriod: "Bing Copilot conversations, 2024-01-01 to 2024-09-30",
  releasedOn: "2025-08-29",
  license: "CC BY 4.0",
  sourceUrl: "https://github.com/microsoft/working-with-ai",
  citation:
    'Tomlinson, K., Jaffe, S., Wang, W., Counts, S., & Suri, S. (2025). "Working with AI: Measuring the Applicability of Generative AI to Occupations." arXiv:2507.07935. Data under CC BY 4.0.',
};
