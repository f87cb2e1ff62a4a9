import { writeRoleDatasets } from "./role-fixtures";

/**
 * The data folder the end-to-end suite imports: the synthetic fixtures of every dataset
 * (O*NET, crosswalks, OEWS, projections, AI exposure, videos, costs), in their published
 * formats, written into `dir`. Deterministic, four occupations (see role-fixtures.ts).
 */
export async function writeE2eDatasets(dir: string) {
  await writeRoleDatasets(dir);
}
