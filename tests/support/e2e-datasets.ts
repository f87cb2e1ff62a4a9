import { writeOnetSocCrosswalkFixture } from "./crosswalk-fixtures";
import { FIXTURE_CODES, writeOnetFixtures } from "./onet-fixtures";
import { appendReadingSearchRows, writeReadingBlsFiles } from "./reading-fixtures";

/**
 * The data folder the end-to-end suite imports: the synthetic fixtures of every dataset,
 * in their published formats, written into `dir`. Deterministic, a few occupations.
 */
export async function writeE2eDatasets(dir: string) {
  await writeOnetFixtures({}, dir);
  await writeOnetSocCrosswalkFixture(dir, [
    { onetCode: FIXTURE_CODES.widget, onetTitle: "Test Widget Engineers", socCode: "99-0001", socTitle: "Test Widget Engineers" },
    { onetCode: FIXTURE_CODES.gadget, onetTitle: "Test Gadget Technicians", socCode: "99-0002", socTitle: "Test Gadget Technicians" },
    { onetCode: FIXTURE_CODES.sprocket, onetTitle: "Test Sprocket Inspectors", socCode: "99-0002", socTitle: "Test Gadget Technicians" },
    { onetCode: FIXTURE_CODES.allOther, onetTitle: "All Other Test Workers", socCode: "99-0009", socTitle: "Test Workers, All Other" },
  ]);
  // Reading (search, browse, home): more titles and tasks to rank, OEWS pay and projections.
  await appendReadingSearchRows(dir);
  await writeReadingBlsFiles(dir);
}
