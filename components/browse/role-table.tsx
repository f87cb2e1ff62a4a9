import Link from "next/link";
import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import { formatDollars, formatOpenings, formatPercentChange } from "@/lib/roles/format-figures";

/** Roles with their figures; a dash where a dataset has no value. */
export function RoleTable({ roles, caption }: { roles: readonly RoleSummary[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="role-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Career</th>
            <th scope="col">Job zone</th>
            <th scope="col" className="num">
              Median pay
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
              <td className="num">{role.medianAnnualWage === null ? "—" : formatDollars(role.medianAnnualWage)}</td>
              <td className="num">{role.changePercent === null ? "—" : formatPercentChange(role.changePercent)}</td>
              <td className="num">{role.annualOpenings === null ? "—" : formatOpenings(role.annualOpenings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
