import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { ListItemMark, RemovedListItems, ShownValue } from "./community-correction";
import { MissingData, RoleSection } from "./role-section";

/** Technology skills grouped by commodity, with O*NET's hot-technology and in-demand marks (or practitioners' list); tools used. */
export function TechnologySection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
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
        page.technology.length > 0 && <TechnologyGroups page={page} />
      )}
      {page.tools.length > 0 && (
        <>
          <h3>Tools used</h3>
          <dl className="tech-groups">
            {page.tools.map((group) => (
              <div key={group.commodityTitle}>
                <dt>{group.commodityTitle}</dt>
                <dd>{group.items.join(", ")}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {page.missing.tools && <MissingData>{page.missing.tools}</MissingData>}
    </RoleSection>
  );
}

function TechnologyGroups({ page }: { page: RolePage }) {
  return (
    <>
      <p className="muted">
        <span className="mark mark--hot">Hot</span> = a hot technology (often named in employers&apos; job postings); <span className="mark mark--demand">In demand</span> = among the
        technologies most in demand for this occupation.
      </p>
      <dl className="tech-groups">
        {page.technology.map((group) => (
          <div key={group.commodityTitle}>
            <dt>{group.commodityTitle}</dt>
            <dd>
              <ul>
                {group.items.map((item) => (
                  <li key={item.example}>
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
    </>
  );
}
