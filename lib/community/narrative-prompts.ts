/**
 * The narrative editor's optional prompts. Apart from the schemas in narrative-document.ts so
 * the editor's browser bundle has no zod: zod 4 probes `new Function` when it builds an object
 * schema, which the signed-in pages' CSP (no 'unsafe-eval') reports as a violation.
 */
export const NARRATIVE_PROMPTS = {
  typicalWeek: "What does a typical week look like?",
  surprised: "What surprised you about this work?",
  advice: "What advice would you give a newcomer?",
  toolsAndAi: "How are tools and AI changing the work?",
} as const;

export type TNarrativePromptKey = keyof typeof NARRATIVE_PROMPTS;
