/**
 * The quick-facts AI-exposure level: the mean of the percentiles of the indices an
 * occupation has, placed in thirds of the 0–100 scale. It describes task overlap, not a
 * forecast of job loss. Boundaries belong to the upper third (33⅓ is Medium).
 */

export type AiExposureLevel = "Low" | "Medium" | "High";

export const AI_LEVEL_LABEL = "task overlap, not a forecast of job loss";

export interface AiLevel {
  level: AiExposureLevel;
  meanPercentile: number;
  indexCount: number;
}

export function aiExposureLevel(percentiles: readonly number[]): AiLevel | null {
  if (percentiles.length === 0) return null;
  const mean = percentiles.reduce((sum, value) => sum + value, 0) / percentiles.length;
  // Compare in whole thirds, so that 100/3 computed in floating point still counts as the boundary.
  const thirds = Math.round(mean * 3 * 1e9) / 1e9;
  const level: AiExposureLevel = thirds < 100 ? "Low" : thirds < 200 ? "Medium" : "High";
  return { level, meanPercentile: mean, indexCount: percentiles.length };
}
