import type { FigureBasis } from "./role-page.types";
import type { PublishedFigure } from "./soc-groups";

/**
 * How to describe a picked BLS row: the occupation's own code (alone or shared with
 * other O*NET occupations), or the group it fell back to.
 */
export function toFigureBasis<Row>(picked: PublishedFigure<Row>, socTitle: string, ownSocCode: string, occupationsSharingCode: number): FigureBasis {
  if (picked.groupLevel !== null) return { kind: "group", socCode: picked.socCode, socTitle, groupLevel: picked.groupLevel, ownSocCode };
  if (occupationsSharingCode > 1) return { kind: "shared", socCode: picked.socCode, socTitle, occupationCount: occupationsSharingCode };
  return { kind: "own", socCode: picked.socCode, socTitle };
}
