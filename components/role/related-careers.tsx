import Link from "next/link";
import { formatAnnual } from "@/lib/roles/format-figures";
import type { RolePage } from "@/lib/roles/role-page.types";
import { basisLabel, missing } from "@/lib/roles/role-sentences";
import { MissingData, RoleSection } from "./role-section";

/** O*NET's related occupations, linked, each with its OEWS median pay. */
export function RelatedCareers({ page }: { page: RolePage }) {
  return (
    <RoleSection id="related" title="Related careers" sources={[page.onet, page.wages?.source]}>
      {page.related.length === 0 ? (
        <MissingData>{missing.related(page)}</MissingData>
      ) : (
        <ul className="related-list">
          {page.related.map((role) => (
            <li key={role.code}>
              <Link href={`/roles/${role.slug}`}>{role.title}</Link>{" "}
              <span className="muted">
                median {formatAnnual(role.medianAnnual, role.medianTopCoded)} a year
                {role.basis && role.basis.kind !== "own" ? ` (${basisLabel(role.basis)} figure)` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </RoleSection>
  );
}
