import Link from "next/link";
import { CellLabel } from "@/components/ui/stack-table";
import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import { formatChange, formatDollars, formatThousands } from "@/lib/roles/format-figures";

/**
 * Roles with their figures; a dash where a dataset has no value. `payArea` names a chosen state
 * whose pay the summaries carry. On a phone each row stacks: the career, then its labelled figures.
 */
export function RoleTable({ roles, caption, payArea }: { roles: readonly RoleSummary[]; caption: string; payArea?: string }) {
  const payLabel = `Median pay${payArea ? ` in ${payArea}` : ""}`;
  return (
    <table className="role-table stack-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            Career
          </th>
          <th scope="col">
            Job zone
          </th>
          <th scope="col" className="num">
            {payLabel}
          </th>
          <th scope="col" className="num">
            Growth
          </th>
          <th scope="col" className="num">
            Openings a year
          </th>
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.code}>
            <th scope="row">
              <Link href={`/roles/${role.slug}`}>{role.title}</Link> <span className="muted code">{role.code}</span>
              {role.brightOutlook && <span className="badge">Bright Outlook</span>}
            </th>
            <td>
              <CellLabel>Job zone</CellLabel>
              {role.jobZone ?? "—"}
            </td>
            <td className="num">
              <CellLabel>{payLabel}</CellLabel>
              {role.medianAnnualWage === null ? "—" : formatDollars(role.medianAnnualWage)}
              {role.medianAnnualWage !== null && role.wageGroupCode && <span className="muted"> (SOC group {role.wageGroupCode})</span>}
            </td>
            <td className="num">
              <CellLabel>Growth</CellLabel>
              {role.changePercent === null ? "—" : formatChange(role.changePercent)}
            </td>
            <td className="num">
              <CellLabel>Openings a year</CellLabel>
              {role.annualOpenings === null ? "—" : formatThousands(role.annualOpenings)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
