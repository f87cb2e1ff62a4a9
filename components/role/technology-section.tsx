import Link from "next/link";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { ListItemMark, RemovedListItems, ShownValue } from "./community-correction";
import { MissingData, RoleSection } from "./role-section";

/**
 * Technology skills grouped by commodity, with O*NET's hot-technology and in-demand marks (or
 * practitioners' list); tools used. On the role page a long list shows its first entries and
 * links the whole list (`/roles/<slug>/technology`, `full`).
 */
export function TechnologySection({ page, section, url, full = false }: { page: RolePage; section: RoleSectionInfo; url: string; full?: boolean }) {
  const corrected = page.shown.technologySkills;
  const technologyCount = page.technology.reduce((sum, group) => sum + group.items.length, 0);
  const shortened = { technology: !full && !corrected && technologyCount > SHOWN_TECHNOLOGIES, tools: !full && page.tools.length > SHOWN_TOOL_GROUPS };
  return (
    <RoleSection section={section}>
      {page.missing.technology && <MissingData>{page.missing.technology}</MissingData>}
      {(corrected || page.technology.length > 0) && <h3>Technology skills</h3>}
      {corrected ? (
        // Corrected item by item, shown as one list, each practitioners' item marked; O*NET's grouped list with its marks stays one click away.
        <>
          <ShownValue correction={corrected.correction} officialSource={officialSourceLabel(page)} official={page.technology.length > 0 ? <TechnologyGroups groups={page.technology} legend /> : null}>
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
              <TechnologyGroups groups={page.technology} legend />
            </details>
          )}
        </>
      ) : (
        page.technology.length > 0 &&
        (shortened.technology ? <TopTechnologies groups={page.technology} total={technologyCount} /> : <TechnologyGroups groups={page.technology} legend />)
      )}
      {page.tools.length > 0 && (
        <>
          <h3>Tools used</h3>
          <ToolGroups groups={shortened.tools ? page.tools.slice(0, SHOWN_TOOL_GROUPS) : page.tools} />
        </>
      )}
      {page.missing.tools && <MissingData>{page.missing.tools}</MissingData>}
      {(shortened.technology || shortened.tools) && (
        // One link for both lists: two links alone on their lines, a few lines apart, are two small touch targets.
        <p className="full-list-link">
          <Link href={`/roles/${page.slug}/technology`}>
            {shortened.technology && shortened.tools
              ? `All ${technologyCount} technologies and ${page.tools.length} kinds of tools`
              : shortened.technology
                ? `All ${technologyCount} technologies, by category`
                : `All ${page.tools.length} kinds of tools`}
          </Link>
          <span className="print-only">: {url}/technology</span>
        </p>
      )}
    </RoleSection>
  );
}

// A long list shows its first entries and links the whole list on a page of its own: software
// developers have 245 technologies and registered nurses 200 kinds of tools, about 900
// elements each that every reader's phone would parse and hydrate (O*NET OnLine links its
// full lists the same way). Printed, the role page keeps what the screen shows and prints the
// full list's address.

/** How many kinds of tools show before "All N kinds of tools", in O*NET's order. */
const SHOWN_TOOL_GROUPS = 20;
/** How many technologies show before "All N technologies": O*NET's in-demand marks first, then hot. */
const SHOWN_TECHNOLOGIES = 20;

type TechnologyGroup = RolePage["technology"][number];

/** The first `count` technologies by mark (in demand, then hot, then the rest; O*NET's order within each), still grouped by category in O*NET's order. */
function topTechnologies(groups: readonly TechnologyGroup[], count: number): TechnologyGroup[] {
  const ranked = groups.flatMap((group) => group.items.map((item) => ({ key: `${group.commodityTitle}\0${item.example}`, rank: item.inDemand ? 0 : item.hotTechnology ? 1 : 2 })));
  const kept = new Set(ranked.sort((a, b) => a.rank - b.rank).slice(0, count).map((item) => item.key));
  return groups
    .map((group) => ({ ...group, items: group.items.filter((item) => kept.has(`${group.commodityTitle}\0${item.example}`)) }))
    .filter((group) => group.items.length > 0);
}

/** The top SHOWN_TECHNOLOGIES of a long list, by category. */
function TopTechnologies({ groups, total }: { groups: readonly TechnologyGroup[]; total: number }) {
  return (
    <>
      <MarksLegend />
      <p>
        The {SHOWN_TECHNOLOGIES} of {total} that O*NET marks in demand or hot first:
      </p>
      <TechnologyGroups groups={topTechnologies(groups, SHOWN_TECHNOLOGIES)} />
    </>
  );
}

function MarksLegend() {
  return (
    <p className="muted">
      <span className="mark mark--hot">Hot</span> = a hot technology (often named in employers&apos; job postings); <span className="mark mark--demand">In demand</span> = among the
      technologies most in demand for this occupation.
    </p>
  );
}

/** Technologies by category with O*NET's marks; with `legend`, what the marks mean first. */
function TechnologyGroups({ groups, legend = false }: { groups: readonly TechnologyGroup[]; legend?: boolean }) {
  return (
    <>
      {legend && <MarksLegend />}
      <dl className="tech-groups">
        {groups.map((group) => (
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

function ToolGroups({ groups }: { groups: RolePage["tools"] }) {
  return (
    <dl className="tech-groups">
      {groups.map((group) => (
        <div key={group.commodityTitle}>
          <dt>{group.commodityTitle}</dt>
          <dd>{group.items.join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}
