import Link from "next/link";
import { formatAnnual } from "@/lib/roles/format-figures";
import type { RolePage, RoleSectionInfo, ShownListEntry, ShownRelatedRole } from "@/lib/roles/role-page.types";
import { basisLabel, officialSourceLabel } from "@/lib/roles/role-sentences";
import { ListItemMark, RemovedListItems, ShownValue } from "./community-correction";
import { MissingData, RoleSection } from "./role-section";

/** Related careers as the view shows them (O*NET's, or practitioners' list), linked, each with its OEWS median pay where known. */
export function RelatedCareers({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const related = page.shown.related;
  return (
    <RoleSection section={section}>
      {page.missing.related && <MissingData>{page.missing.related}</MissingData>}
      {related.value.length > 0 && (
        <ShownValue correction={related.correction} officialSource={officialSourceLabel(page)} official={page.related.length > 0 ? <RelatedList roles={page.related} /> : null}>
          <RelatedList roles={related.value} entries={related.items} />
        </ShownValue>
      )}
      <RemovedListItems removed={related.removed} />
    </RoleSection>
  );
}

function RelatedList({ roles, entries }: { roles: readonly ShownRelatedRole[]; entries?: readonly ShownListEntry[] }) {
  return (
    <ul className="related-list">
      {roles.map((role, index) => (
        <li key={role.code}>
          <Link href={`/roles/${role.slug}`}>{role.title}</Link>{" "}
          {(role.medianAnnual !== null || role.medianTopCoded) && (
            <span className="muted">
              median {formatAnnual(role.medianAnnual, role.medianTopCoded)} a year
              {role.basis && role.basis.kind !== "own" ? ` (${basisLabel(role.basis)} figure)` : ""}
            </span>
          )}
          {entries?.[index] && <ListItemMark entry={entries[index]} />}
        </li>
      ))}
    </ul>
  );
}
