import Link from "next/link";
import { CellLabel } from "@/components/ui/stack-table";
import type { InterestAreaInfo } from "@/lib/interests/find-interest-profiler";
import type { InterestMatch } from "@/lib/interests/rank-careers-by-interest";
import { interestCode, type RiasecScores } from "@/lib/interests/riasec";
import type { AreaScore } from "@/lib/interests/score-interest-answers";
import { formatDollars } from "@/lib/roles/format-figures";

/** The reader's six area scores with O*NET's description of each, strongest two named first. */
export function InterestProfile({ profile, scores, areas }: { profile: readonly AreaScore[]; scores: RiasecScores; areas: readonly InterestAreaInfo[] }) {
  const code = interestCode(scores);
  const [first, second] = [...code].map((letter) => areas.find((area) => area.letter === letter)!);
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your interest profile</h2>
      <p>
        Your strongest interests: <strong>{first?.name}</strong>, then <strong>{second?.name}</strong> ({code}).{" "}
        <Link href={`/roles?interest=${code}`}>Browse careers whose first two O*NET interests are {code}</Link>
      </p>
      <table className="role-table stack-table">
        <caption className="visually-hidden">Your score in each of the six interest areas</caption>
        <thead>
          <tr>
            <th scope="col">
              Interest area
            </th>
            <th scope="col" className="num">
              Your score
            </th>
            <th scope="col">
              What O*NET says it means
            </th>
          </tr>
        </thead>
        <tbody>
          {profile.map((area) => {
            const info = areas.find((candidate) => candidate.letter === area.letter);
            return (
              <tr key={area.letter}>
                <th scope="row">
                  {info?.name} ({area.letter})
                </th>
                <td className="num">
                  <CellLabel>Your score</CellLabel>
                  {area.score} of {area.max}
                </td>
                <td>
                  {info?.description}
                  {info && info.actions.length > 0 && <span className="muted"> Keywords: {[...info.actions, ...info.objects].join(", ").toLowerCase()}.</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Careers ranked by how well their O*NET interest scores follow the reader's; on a phone each row stacks: the career, then its labelled figures. */
export function InterestMatches({ matches, start, payArea }: { matches: readonly InterestMatch[]; start: number; payArea?: string | undefined }) {
  const payLabel = `Median pay${payArea ? ` in ${payArea}` : ""}`;
  return (
    <table className="role-table stack-table">
      <caption className="visually-hidden">Careers ranked by how well their interests match yours</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Rank
          </th>
          <th scope="col">
            Career
          </th>
          <th scope="col" className="num">
            Match
          </th>
          <th scope="col">
            Interests
          </th>
          <th scope="col">
            Job zone
          </th>
          <th scope="col" className="num">
            {payLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {matches.map(({ role, match }, index) => (
          <tr key={role.code}>
            <td className="num">
              <CellLabel>Rank</CellLabel>
              {start + index}
            </td>
            <th scope="row">
              <Link href={`/roles/${role.slug}`}>{role.title}</Link>
            </th>
            <td className="num">
              <CellLabel>Match</CellLabel>
              {match.toFixed(2)}
            </td>
            <td>
              <CellLabel>Interests</CellLabel>
              {role.interestCode}
            </td>
            <td>
              <CellLabel>Job zone</CellLabel>
              {role.jobZone ?? "—"}
            </td>
            <td className="num">
              <CellLabel>{payLabel}</CellLabel>
              {role.medianAnnualWage === null ? "—" : formatDollars(role.medianAnnualWage)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
