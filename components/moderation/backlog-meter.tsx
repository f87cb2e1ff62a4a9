import type { BacklogMeter } from "@/lib/submissions/get-backlog-meter";
import { formatAge } from "@/lib/dates";
import { formatCount } from "@/lib/roles/format-figures";
import { CellLabel } from "@/components/ui/stack-table";

/** The backlog at a glance: pending, their median age, decisions per day, and sent against decided (and still pending) day by day. */
export function BacklogMeterView({ meter }: { meter: BacklogMeter }) {
  const peak = Math.max(1, ...meter.days.flatMap((day) => [day.submitted, day.decided]));
  return (
    <section aria-labelledby="backlog-heading" data-testid="backlog-meter">
      <h2 id="backlog-heading">Backlog</h2>
      <dl className="meter">
        <div>
          <dt>Pending</dt>
          <dd data-testid="backlog-pending">{formatCount(meter.pending)}</dd>
        </div>
        <div>
          <dt>Median age</dt>
          <dd data-testid="backlog-median-age">{meter.medianAgeMs === null ? "—" : formatAge(meter.medianAgeMs)}</dd>
        </div>
        <div>
          <dt>Decided per day (last 30 days)</dt>
          <dd data-testid="backlog-decided-per-day">{meter.decidedPerDay.toFixed(1)}</dd>
        </div>
      </dl>
      <details>
        <summary>Sent, decided and pending, the last {meter.days.length} days</summary>
        <table className="table stack-table">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Sent</th>
              <th scope="col">Decided</th>
              <th scope="col">Pending at the end of the day</th>
              <th scope="col">
                <span className="hint">decided (▮) against sent (▯)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {meter.days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>
                  <CellLabel>Sent</CellLabel>
                  {formatCount(day.submitted)}
                </td>
                <td>
                  <CellLabel>Decided</CellLabel>
                  {formatCount(day.decided)}
                </td>
                <td>
                  <CellLabel>Pending at the end of the day</CellLabel>
                  {formatCount(day.pending)}
                </td>
                <td aria-hidden="true" className="code">
                  {"▮".repeat(Math.round((day.decided / peak) * 20))}
                  <br />
                  {"▯".repeat(Math.round((day.submitted / peak) * 20))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
