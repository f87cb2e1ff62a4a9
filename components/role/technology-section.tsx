import type { RolePage } from "@/lib/roles/role-page.types";
import { missing } from "@/lib/roles/role-sentences";
import { MissingData, RoleSection } from "./role-section";

/** Technology skills grouped by commodity, with O*NET's hot-technology and in-demand marks; tools used. */
export function TechnologySection({ page }: { page: RolePage }) {
  return (
    <RoleSection id="technology" title="Technology and tools" sources={[page.onet]}>
      <h3>Technology skills</h3>
      {page.technology.length === 0 ? (
        <MissingData>{missing.technology(page)}</MissingData>
      ) : (
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
