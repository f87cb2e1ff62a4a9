export const PRODUCTION_SECRETS: readonly string[];
export const SECRET_PLACEHOLDERS: readonly string[];
export const MIN_SECRET_LENGTH: number;
export function productionSecretProblems(env: Record<string, string | undefined>): string[];
export function describeProductionSecretProblems(env: Record<string, string | undefined>): string | null;
