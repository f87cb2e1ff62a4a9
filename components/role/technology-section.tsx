import type { RolePage } from "@/lib/roles/role-page.types";
import { missing, officialSourceLabel } from "@/lib/roles/role-sentences";
import { CorrectedValue, correctionItems, findCorrection } from "./community-correction";
import { MissingData, RoleSection } from "./role-section";

/** Technology skills grouped by commodity, with O*NET's hot-technology and in-demand marks; tools used. */
export function TechnologySection({ page }: { page: RolePage }) {
  const corrected = findCorrection(page, "TECHNOLOGY_SKILLS");
  return (
    <RoleSection id="technology" title="Technology and tools" sources={[page.onet]}>
      <h3>Technology skills</h3>
      {corrected ? (
        // Practitioners correct the list as a whole; O*NET's grouped list with its marks stays one click away.
        <CorrectedValue correction={corrected} officialSource={officialSourceLabel(page)} official={page.technology.length > 0 ? <TechnologyGroups page={page} /> : null}>
          <ul className="corrected-list">
            {correctionItems(corrected.value).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </CorrectedValue>
      ) : page.technology.length === 0 ? (
        <MissingData>{missing.technology(page)}</MissingData>
      ) : (
        <TechnologyGroups page={page} />
      )}
      <h3>Tools used</h3>
      {page.tools.length === 0 ? (
        <MissingData>{missing.tools(page)}</MissingData>
      ) : (
        <dl className="tech-groups">
          {page.tools.map((group) => (
            <div key={group.commodityTitle}>
              <dt>{group.commodityTitle}</dt>
              <dd>{group.items.join(", ")}</dd>
            </div>
          ))}
        </dl>
      )}
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
