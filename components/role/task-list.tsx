import Link from "next/link";
import { isAddedItemKey } from "@/lib/community/fields";
import type { RolePage, ShownTask } from "@/lib/roles/role-page.types";
import { officialSourceLabel, taskImportanceLabel } from "@/lib/roles/role-sentences";
import { CorrectedValue, ShownValue } from "./community-correction";
import { MissingData } from "./role-section";

/**
 * The tasks as the view shows them: O*NET's groups (core, supplemental, or one list
 * "Tasks"), corrected ones in place; tasks practitioners removed leave the list with a note,
 * and tasks they added follow in a list of their own.
 */
export function TaskList({ page }: { page: RolePage }) {
  const { groups, added, removed } = page.shown.tasks;
  const source = officialSourceLabel(page);
  return (
    <>
      {page.missing.tasks && <MissingData>{page.missing.tasks}</MissingData>}
      {groups.map((group) => (
        <TaskGroup key={group.heading} heading={group.heading} tasks={group.tasks} source={source} />
      ))}
      {added.length > 0 && (
        <>
          <h3>Tasks added by practitioners</h3>
          <ul>
            {added.map((task) => (
              <li key={task.key}>
                <CorrectedValue correction={task.correction!} officialSource={source} official={<em>{isAddedItemKey(task.key) ? "Not an official task: practitioners added it." : "The current release no longer has this task."}</em>}>
                  {task.statement}
                </CorrectedValue>
              </li>
            ))}
          </ul>
        </>
      )}
      {removed.length > 0 && (
        <div className="removed-by-practitioners" data-testid="removed-tasks">
          <p className="muted">Practitioners removed {removed.length === 1 ? "one official task" : `${removed.length} official tasks`} from this list.</p>
          <details>
            <summary>
              Official {removed.length === 1 ? "task" : "tasks"} removed ({source})
            </summary>
            <ul>
              {removed.map((task) => (
                <li key={task.key}>
                  {task.statement}{" "}
                  <Link href={task.correction!.historyUrl} className="hint">
                    History of this change
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </>
  );
}

function TaskGroup({ heading, tasks, source }: { heading: string; tasks: ShownTask[]; source: string }) {
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {tasks.map((task) => (
          <li key={task.key}>
            <ShownValue correction={task.correction} officialSource={source}>
              {task.statement}
            </ShownValue>
            {task.importance !== null && <span className="muted"> ({taskImportanceLabel(task.importance)})</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
