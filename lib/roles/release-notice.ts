import type { RoleCorrection, RolePage } from "./role-page.types";
import { isAddedItemKey } from "@/lib/community/fields";

/** The page's release sentences (HTML and Markdown say the same). */
export function releaseNoticeSentences(page: RolePage): string[] {
  const sentences: string[] = [];
  if (!page.inCurrentRelease) sentences.push(leftReleaseSentence(page));
  // An occupation that left reads everything from its last release: only parts older still are named.
  const older = page.onetOlderParts.filter((part) => part.version !== page.lastOnetRelease?.version);
  if (older.length > 0) {
    sentences.push(`Some sections come from an older O*NET release: ${older.map((p) => `${p.part} ${p.note}`).join("; ")}.`);
  }
  return sentences;
}

/** Said of an occupation the current release no longer lists (its successors are linked after it, by name). */
export function leftReleaseSentence(page: RolePage): string {
  const official = page.lastOnetRelease
    ? `its official sections show O*NET ${page.lastOnetRelease.version}, the last release that lists it`
    : "no imported release lists it, so it has no official sections";
  return `Not in O*NET ${page.onet.version}: this occupation is not in the current release; ${official}. Its practitioners' accounts and history stay.`;
}

/** "O*NET's crosswalk names its successor: …" without the names, which each format writes (HTML links them). */
export function successorsLead(page: RolePage): string | null {
  if (page.successors.length === 0) return null;
  return page.successors.length === 1 ? "O*NET's taxonomy crosswalk names its successor:" : "O*NET's taxonomy crosswalk names its successors:";
}

/**
 * A task correction shown in a list of its own: a task practitioners added, or a corrected
 * official task that the current release no longer has (it stays visible, flagged).
 */
export function standsAloneAsTask(correction: RoleCorrection): boolean {
  return correction.field === "TASK" && !correction.removed && (isAddedItemKey(correction.itemKey) || correction.official === null);
}
