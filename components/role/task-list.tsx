import type { RoleTask } from "@/lib/roles/role-page.types";

/**
 * O*NET tasks: core, then supplemental (by importance when O*NET's task ratings were
 * imported, else in O*NET's order). Where O*NET gives no task type (n/a), one plain list
 * "Tasks"; the page never claims an importance the data does not have.
 */
export function TaskList({ tasks, emptyText }: { tasks: RoleTask[]; emptyText: string }) {
  if (tasks.length === 0) return <p className="missing-data">{emptyText}</p>;
  const core = tasks.filter((task) => task.taskType === "Core");
  const supplemental = tasks.filter((task) => task.taskType === "Supplemental");
  const untyped = tasks.filter((task) => task.taskType !== "Core" && task.taskType !== "Supplemental");
  return (
    <>
      {core.length > 0 && <TaskGroup heading="Core tasks" tasks={core} />}
      {supplemental.length > 0 && <TaskGroup heading="Supplemental tasks" tasks={supplemental} />}
      {untyped.length > 0 && <TaskGroup heading="Tasks" tasks={untyped} />}
    </>
  );
}

function TaskGroup({ heading, tasks }: { heading: string; tasks: RoleTask[] }) {
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {tasks.map((task) => (
          <li key={task.taskId}>{task.statement}</li>
        ))}
      </ul>
    </>
  );
}
