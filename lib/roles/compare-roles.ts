import "server-only";
import { getRolePage } from "./get-role-page";
import type { RolePage } from "./role-page.types";

export interface CompareRolesResult {
  roles: RolePage[];
  /** Slugs that match no occupation. */
  unknown: string[];
}

/** The role pages to show side by side, in the order asked for. */
export async function compareRoles(slugs: readonly string[]): Promise<CompareRolesResult> {
  const pages = await Promise.all(slugs.map((slug) => getRolePage(slug)));
  return {
    roles: pages.filter((page): page is RolePage => page !== null),
    unknown: slugs.filter((_, index) => pages[index] === null),
  };
}
