import type { RolePage, RoleSectionInfo, WorkProfileItem, WorkProfileList } from "@/lib/roles/role-page.types";
import { workProfileScaleNote, workProfileValue } from "@/lib/roles/role-sentences";
import { placeOnScale } from "@/lib/roles/work-profile-order";
import { BarListItem } from "./bar-list-item";
import { MissingData, RoleSection } from "./role-section";

const SHOWN = 10;

type WorkProfileKind = "workStyles" | "workValues" | "workContext";

/** Work styles and work values: each list highest first, with O*NET's description of each element. */
export function WorkStylesSection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  return (
    <RoleSection section={section}>
      <WorkProfile heading="Work styles" kind="workStyles" list={page.workStyles} missing={page.missing.workStyles} />
      <WorkProfile heading="Work values" kind="workValues" list={page.workValues} missing={page.missing.workValues} />
    </RoleSection>
  );
}

/** Work context: the conditions of the work, highest first, with the answer most workers gave. */
export function WorkContextSection({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  return (
    <RoleSection section={section}>
      <WorkProfile kind="workContext" list={page.workContext} missing={page.missing.workContext} />
    </RoleSection>
  );
}

function WorkProfile({ heading, kind, list, missing }: { heading?: string; kind: WorkProfileKind; list: WorkProfileList | null; missing: string | undefined }) {
  return (
    <>
      {heading && <h3>{heading}</h3>}
      {!list || list.items.length === 0 ? (
        <MissingData>{missing}</MissingData>
      ) : (
        <>
          <p className="muted">{workProfileScaleNote(kind, list)}</p>
          <WorkProfileItems items={list.items.slice(0, SHOWN)} />
          {list.items.length > SHOWN && (
            <details>
              <summary>
                {list.items.length - SHOWN} more {(heading ?? "conditions").toLowerCase()}
              </summary>
              <WorkProfileItems items={list.items.slice(SHOWN)} />
            </details>
          )}
        </>
      )}
    </>
  );
}

function WorkProfileItems({ items }: { items: WorkProfileItem[] }) {
  return (
    <ol className="bar-list work-profile">
      {items.map((item) => (
        <BarListItem
          key={item.elementId}
          label={
            <>
              {item.name}
              {item.description && <span className="work-profile__description">{item.description}</span>}
            </>
          }
          share={placeOnScale(item)}
        >
          {workProfileValue(item)}
        </BarListItem>
      ))}
    </ol>
  );
}
