import Link from "next/link";
import { isAddedTaskKey, officialTaskKey } from "@/lib/community/fields";
import { standsAloneAsTask } from "@/lib/roles/release-notice";
import type { RoleCorrection, RolePage, RoleTask } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { CorrectedValue, correctionText } from "./community-correction";

/**
 * O*NET tasks: core, then supplemental (by importance when O*NET's task ratings were
 * imported, else in O*NET's order). Where O*NET gives no task type (n/a), one plain list
 * "Tasks"; the page never claims an importance the data does not have. Practitioners'
 * corrections show in place; tasks they removed leave the list with a note, and tasks they
 * added (or corrected tasks the current release no longer has) follow in a list of their own.
 */
export function TaskList({ page, emptyText }: { page: RolePage; emptyText: string }) {
  const { tasks } = page;
  const taskCorrections = page.community.corrections.filter((c) => c.field === "TASK");
  const byKey = new Map(taskCorrections.map((c) => [c.itemKey, c]));
  const removed = tasks.flatMap((task) => {
    const correction = byKey.get(officialTaskKey(task.taskId));
    return correction?.removed ? [{ task, correction }] : [];
  });
  const shown = tasks.filter((task) => !byKey.get(officialTaskKey(task.taskId))?.removed);
  const added = taskCorrections.filter(standsAloneAsTask);
  if (shown.length === 0 && added.length === 0 && removed.length === 0) return <p className="missing-data">{emptyText}</p>;
  const core = shown.filter((task) => task.taskType === "Core");
  const supplemental = shown.filter((task) => task.taskType === "Supplemental");
  const untyped = shown.filter((task) => task.taskType !== "Core" && task.taskType !== "Supplemental");
  const source = officialSourceLabel(page);
  return (
    <>
      {core.length > 0 && <TaskGroup heading="Core tasks" tasks={core} corrections={byKey} source={source} />}
      {supplemental.length > 0 && <TaskGroup heading="Supplemental tasks" tasks={supplemental} corrections={byKey} source={source} />}
      {untyped.length > 0 && <TaskGroup heading="Tasks" tasks={untyped} corrections={byKey} source={source} />}
      {added.length > 0 && (
        <>
          <h3>Tasks added by practitioners</h3>
          <ul>
            {added.map((correction) => (
              <li key={correction.itemKey}>
                <CorrectedValue
                  correction={correction}
                  officialSource={source}
                  official={<em>{isAddedTaskKey(correction.itemKey) ? "Not an official task: practitioners added it." : "The current release no longer has this task."}</em>}
                >
                  {correctionText(correction.value)}
                </CorrectedValue>
              </li>
            ))}
          </ul>
        </>
      )}
      {removed.length > 0 && (
        <div className="removed-by-practitioners" data-testid="removed-tasks">
          <p className="muted">
            Practitioners removed {removed.length === 1 ? "one official task" : `${removed.length} official tasks`} from this list.
          </p>
          <details>
            <summary>Official {removed.length === 1 ? "task" : "tasks"} removed ({source})</summary>
            <ul>
              {removed.map(({ task, correction }) => (
                <li key={task.taskId}>
                  {task.statement} <Link href={correction.historyUrl} className="hint">History of this change</Link>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </>
  );
}

function TaskGroup({ heading, tasks, corrections, source }: { heading: string; tasks: RoleTask[]; corrections: Map<string, RoleCorrection>; source: string }) {
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {tasks.map((task) => {
          const correction = corrections.get(officialTaskKey(task.taskId));
          return (
            <li key={task.taskId}>
              {correction ? (
                <CorrectedValue correction={correction} officialSource={source}>
                  {correctionText(correction.value)}
                </CorrectedValue>
              ) : (
                task.statement
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
