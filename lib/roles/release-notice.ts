import type { RoleCorrection, RolePage } from "./role-page.types";
import { isAddedItemKey } from "@/lib/community/fields";

/** The page's release sentences (HTML and Markdown say the same). */
export function releaseNoticeSentences(page: RolePage): string[] {
  const sentences: string[] = [];
  if (!page.inCurrentRelease) {
    sentences.push(
      `This occupation is not in the current release (O*NET ${page.onet.version}). Its page, practitioners' accounts and history stay; official sections show what the current release has for it.`,
    );
  }
  if (page.onetOlderParts.length > 0) {
    sentences.push(`Some sections come from an older O*NET release: ${page.onetOlderParts.map((p) => `${p.part} ${p.note}`).join("; ")}.`);
  }
  return sentences;
}

/**
 * A task correction shown in a list of its own: a task practitioners added, or a corrected
 * official task that the current release no longer has (it stays visible, flagged).
 */
export function standsAloneAsTask(correction: RoleCorrection): boolean {
  return correction.field === "TASK" && !correction.removed && (isAddedItemKey(correction.itemKey) || correction.official === null);
}
