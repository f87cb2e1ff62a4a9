import { writeRoleDatasets } from "./role-fixtures";
import { appendSearchTitles } from "./search-fixtures";
import { appendSecurityOccupations } from "./security-fixtures";

/**
 * The data folder the end-to-end suite imports: the synthetic fixtures of every dataset
 * (O*NET, crosswalks, OEWS, projections, AI exposure, videos, costs), in their published
 * formats, written into `dir`. Deterministic: the four occupations of role-fixtures.ts and the
 * security suite's own (security-fixtures.ts).
 */
export async function writeE2eDatasets(dir: string) {
  await writeRoleDatasets(dir);
  // Search: an alternate title containing "sprocket" (gadget) and one equal to a title (all other).
  await appendSearchTitles(dir);
  await appendSecurityOccupations(dir);
}
