import { writeRoleDatasets } from "./role-fixtures";
import { appendCommunityOccupations } from "./community-fixtures";
import { appendSearchTitles } from "./search-fixtures";

/**
 * The data folder the end-to-end suite imports: the synthetic fixtures of every dataset
 * (O*NET, crosswalks, OEWS, projections, AI exposure, videos, costs), in their published
 * formats, written into `dir`. Deterministic: four occupations (see role-fixtures.ts) and
 * those of the community specs (community-fixtures.ts).
 */
export async function writeE2eDatasets(dir: string) {
  await writeRoleDatasets(dir);
  // Search: an alternate title containing "sprocket" (gadget) and one equal to a title (all other).
  await appendSearchTitles(dir);
  // Community e2e specs: occupations of their own (99-0201.00 upward).
  await appendCommunityOccupations(dir);
}
