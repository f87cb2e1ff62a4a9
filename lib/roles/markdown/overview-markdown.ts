import { isAddedItemKey } from "@/lib/community/fields";
import type { ShownTask } from "../role-page.types";
import { taskImportanceLabel } from "../role-sentences";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

export function writeOverviewMarkdown(doc: MarkdownDocument) {
  const { description } = doc.page.shown;
  if (description.correction) doc.paragraph(`${escape(description.value)}\n\n${doc.communityNote(description.correction)}`);
  else doc.paragraph(description.value ? escape(description.value) : doc.page.missing.description!);
}

/** Tasks in O*NET's groups, corrected ones in place; then those practitioners added and removed. */
export function writeTasksMarkdown(doc: MarkdownDocument) {
  const { tasks } = doc.page.shown;
  if (doc.page.missing.tasks) doc.paragraph(doc.page.missing.tasks);
  const item = (task: ShownTask) => {
    const importance = taskImportanceLabel(task.importance);
    return `- ${escape(task.statement)}${importance ? ` _(${importance})_` : ""}${task.correction ? ` ${doc.communityNote(task.correction)}` : ""}`;
  };
  for (const group of tasks.groups) {
    doc.heading(3, group.heading);
    for (const task of group.tasks) doc.line(item(task));
    doc.line();
  }
  if (tasks.added.length > 0) {
    doc.heading(3, "Tasks added by practitioners");
    for (const task of tasks.added) doc.line(`- ${escape(task.statement)} ${doc.communityNote(task.correction!, isAddedItemKey(task.key) ? "none (not an official task)" : "none (no longer in the current release)")}`);
    doc.line();
  }
  if (tasks.removed.length > 0) {
    doc.heading(3, "Official tasks removed by practitioners");
    for (const task of tasks.removed) doc.line(`- ~~${escape(task.statement)}~~ ${doc.communityNote(task.correction!)}`);
    doc.line();
  }
}
