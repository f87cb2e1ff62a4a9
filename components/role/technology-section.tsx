import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { ListItemMark, RemovedListItems, ShownValue } from "./community-correction";
import { MissingData, RoleSection } from "./role-section";

/** Technology skills grouped by commodity, with O*NET's hot-technology and in-demand marks (or practitioners' list); tools used. */
export function TechnologySection({ page, section, url }: { page: RolePage; section: RoleSectionInfo; url: string }) {
  const corrected = page.shown.technologySkills;
  return (
    <RoleSection section={section}>
      {page.missing.technology && <MissingData>{page.missing.technology}</MissingData>}
      {(corrected || page.technology.length > 0) && <h3>Technology skills</h3>}
      {corrected ? (
        // Corrected item by item, shown as one list, each practitioners' item marked; O*NET's grouped list with its marks stays one click away.
        <>
          <ShownValue correction={corrected.correction} officialSource={officialSourceLabel(page)} official={page.technology.length > 0 ? <TechnologyGroups page={page} /> : null}>
            <ul className="corrected-list" data-testid="technology-skills">
              {corrected.items.map((entry) => (
                <li key={entry.key}>
                  {entry.text}
                  <ListItemMark entry={entry} />
                </li>
              ))}
            </ul>
          </ShownValue>
          <RemovedListItems removed={corrected.removed} />
          {!corrected.correction && page.technology.length > 0 && (
            <details className="official-value">
              <summary>Official technology skills ({officialSourceLabel(page)}), by category</summary>
              <TechnologyGroups page={page} />
            </details>
          )}
        </>
      ) : (
        page.technology.length > 0 && <TechnologyGroups page={page} printNote={`${url}#${section.id}`} />
      )}
      {page.tools.length > 0 && (
        <>
          <h3>Tools used</h3>
          <dl className="tech-groups">
            {page.tools.map((group, index) => (
              <div key={group.commodityTitle} className={index >= PRINTED_TOOL_GROUPS ? "print-omitted" : undefined}>
                <dt>{group.commodityTitle}</dt>
                <dd>{group.items.join(", ")}</dd>
              </div>
            ))}
          </dl>
          {page.tools.length > PRINTED_TOOL_GROUPS && (
            <p className="print-only">
              Printed: {PRINTED_TOOL_GROUPS} of the {page.tools.length} kinds of tools, in O*NET&apos;s order. The full list: {url}#{section.id}
            </p>
          )}
        </>
      )}
      {page.missing.tools && <MissingData>{page.missing.tools}</MissingData>}
    </RoleSection>
  );
}

/** How many kinds of tools a printed page lists (registered nurses': 200, four Letter pages by themselves). */
const PRINTED_TOOL_GROUPS = 20;
/** How many technologies a printed page lists (a long list printed on up to 8 Letter pages by itself: software developers' 245). */
const PRINTED_TECHNOLOGIES = 20;

/** The technologies a printed page keeps: marked in demand first, then hot, then the rest, in O*NET's order within each; `group\0example` keys. */
function printedTechnologies(groups: RolePage["technology"]): Set<string> {
  const items = groups.flatMap((group) => group.items.map((item) => ({ key: `${group.commodityTitle}\0${item.example}`, rank: item.inDemand ? 0 : item.hotTechnology ? 1 : 2 })));
  return new Set(items.sort((a, b) => a.rank - b.rank).slice(0, PRINTED_TECHNOLOGIES).map((item) => item.key));
}

/**
 * O*NET's technologies by category. Printed (with `printNote`, the list's address), only the
 * first PRINTED_TECHNOLOGIES by mark are kept (`print-omitted` hides the rest) and the page says
 * how many of how many, and where the full list is.
 */
function TechnologyGroups({ page, printNote }: { page: RolePage; printNote?: string }) {
  const total = page.technology.reduce((sum, group) => sum + group.items.length, 0);
  const printed = printNote && total > PRINTED_TECHNOLOGIES ? printedTechnologies(page.technology) : null;
  const omitted = (key: string) => (printed && !printed.has(key) ? "print-omitted" : undefined);
  return (
    <>
      <p className="muted">
        <span className="mark mark--hot">Hot</span> = a hot technology (often named in employers&apos; job postings); <span className="mark mark--demand">In demand</span> = among the
        technologies most in demand for this occupation.
      </p>
      <dl className="tech-groups">
        {page.technology.map((group) => (
          <div key={group.commodityTitle} className={printed && !group.items.some((item) => printed.has(`${group.commodityTitle}\0${item.example}`)) ? "print-omitted" : undefined}>
            <dt>{group.commodityTitle}</dt>
            <dd>
              <ul>
                {group.items.map((item) => (
                  <li key={item.example} className={omitted(`${group.commodityTitle}\0${item.example}`)}>
                    {item.example}
                    {item.hotTechnology && <span className="mark mark--hot">Hot</span>}
                    {item.inDemand && <span className="mark mark--demand">In demand</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      {printed && (
        <p className="print-only">
          Printed: {printed.size} of the {total} technologies, those O*NET marks in demand or hot first. The full list: {printNote}
        </p>
      )}
    </>
  );
}
