import Link from "next/link";
import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import { formatChange, formatDollars, formatThousands } from "@/lib/roles/format-figures";

/** Roles with their figures; a dash where a dataset has no value. `payArea` names a chosen state whose pay the summaries carry. */
export function RoleTable({ roles, caption, payArea }: { roles: readonly RoleSummary[]; caption: string; payArea?: string }) {
  return (
    <div className="table-scroll">
      <table className="role-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Career</th>
            <th scope="col">Job zone</th>
            <th scope="col" className="num">
              Median pay{payArea ? ` in ${payArea}` : ""}
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
              <td>{role.jobZone ?? "—"}</td>
              <td className="num">
                {role.medianAnnualWage === null ? "—" : formatDollars(role.medianAnnualWage)}
                {role.medianAnnualWage !== null && role.wageGroupCode && <span className="muted"> (SOC group {role.wageGroupCode})</span>}
              </td>
              <td className="num">{role.changePercent === null ? "—" : formatChange(role.changePercent)}</td>
              <td className="num">{role.annualOpenings === null ? "—" : formatThousands(role.annualOpenings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
