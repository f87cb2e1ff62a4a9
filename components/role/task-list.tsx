import type { RoleTask } from "@/lib/roles/get-role-page";

/**
 * O*NET tasks: core, then supplemental. Where O*NET gives no task type (n/a), one plain
 * list; the page never claims an importance the data does not have.
 */
export function TaskList({ tasks }: { tasks: RoleTask[] }) {
  if (tasks.length === 0) return <p>The O*NET release has no task statements for this occupation.</p>;
  const core = tasks.filter((task) => task.taskType === "Core");
  const supplemental = tasks.filter((task) => task.taskType === "Supplemental");
  const untyped = tasks.filter((task) => task.taskType === null);
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
