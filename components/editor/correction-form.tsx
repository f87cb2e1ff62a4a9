"use client";
import { useState } from "react";
import { ActionForm, type FormState } from "@/components/ui/action-form";

export interface CorrectionFormProps {
  occupationCode: string;
  baseRevisionNumber: number;
  fields: { field: string; label: string; currentText: string }[];
  /** List fields (alternate titles, technology skills, related careers), corrected item by item. */
  lists: { field: string; label: string; items: { itemKey: string; text: string }[] }[];
  tasks: { itemKey: string; statement: string }[];
  action: (state: FormState | null, formData: FormData) => Promise<FormState>;
  /** The page's key, for a send without JavaScript (ActionForm makes one per send in the browser). */
  idempotencyKey?: string;
  /** Resubmitting a correction sent back for changes: field and item are fixed. */
  resubmit?: { submissionId: string; field: string; operation: string; itemKey: string; proposedText: string; rationale: string; sourceUrl: string; currentText: string; label: string };
}

const OPERATION_LABELS = {
  TASK: { ADD: "Add a task", CHANGE: "Change a task", REMOVE: "Remove a task", which: "Which task", choose: "Add, change or remove a task" },
  list: { ADD: "Add an item", CHANGE: "Reword an item", REMOVE: "Remove an item", which: "Which item", choose: "Add, reword or remove an item" },
} as const;

/**
 * Propose a correction: pick a field; a task or a list item (alternate title, technology
 * skill, related career) is added, changed or removed one at a time, so approving it keeps
 * the rest of the list. Shows the current value and asks why.
 */
export function CorrectionForm({ occupationCode, baseRevisionNumber, fields, lists, tasks, action, idempotencyKey, resubmit }: CorrectionFormProps) {
  const [field, setField] = useState(resubmit?.field ?? "DESCRIPTION");
  const [operation, setOperation] = useState(resubmit?.operation ?? "CHANGE");
  const [chosenKey, setItemKey] = useState(resubmit?.itemKey ?? "");
  const list = lists.find((l) => l.field === field);
  const isTask = field === "TASK";
  const isItem = isTask || list !== undefined;
  const items = isTask ? tasks.map((t) => ({ itemKey: t.itemKey, text: t.statement })) : (list?.items ?? []);
  const itemKey = items.some((i) => i.itemKey === chosenKey) ? chosenKey : (items[0]?.itemKey ?? "");
  const labels = isTask ? OPERATION_LABELS.TASK : OPERATION_LABELS.list;
  const shownOperation = isItem ? operation : "CHANGE";
  const currentText = resubmit ? resubmit.currentText : isItem ? (shownOperation === "ADD" ? "" : (items.find((i) => i.itemKey === itemKey)?.text ?? "")) : (fields.find((f) => f.field === field)?.currentText ?? "");
  const proposedDefault = resubmit ? resubmit.proposedText : currentText;
  const inputKey = `${field}|${shownOperation}|${itemKey}`;
  return (
    <ActionForm action={action} label="Suggest a correction" sentLink={{ href: "/me/contributions", label: "Follow it under “My contributions”" }} idempotencyKey={idempotencyKey}>
      <input type="hidden" name="occupationCode" value={occupationCode} />
      <input type="hidden" name="baseRevisionNumber" value={baseRevisionNumber} />
      {resubmit && <input type="hidden" name="submissionId" value={resubmit.submissionId} />}
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="operation" value={shownOperation} />
      {isItem && shownOperation !== "ADD" && <input type="hidden" name="itemKey" value={itemKey} />}
      {resubmit ? (
        <p>
          <strong>{resubmit.label}</strong> ({resubmit.operation.toLowerCase()})
        </p>
      ) : (
        <>
          <div className="form-row">
            <label htmlFor="correction-field">What do you want to correct?</label>
            <select id="correction-field" value={field} onChange={(e) => setField(e.target.value)}>
              {fields.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.label}
                </option>
              ))}
              {lists.map((l) => (
                <option key={l.field} value={l.field}>
                  {l.label} (one item)
                </option>
              ))}
              <option value="TASK">A task</option>
            </select>
          </div>
          {isItem && (
            <div className="form-row">
              <label htmlFor="correction-operation">{labels.choose}</label>
              <select id="correction-operation" value={shownOperation} onChange={(e) => setOperation(e.target.value)}>
                <option value="ADD">{labels.ADD}</option>
                <option value="CHANGE">{labels.CHANGE}</option>
                <option value="REMOVE">{labels.REMOVE}</option>
              </select>
              {shownOperation !== "ADD" && (
                <>
                  <label htmlFor="correction-item">{labels.which}</label>
                  <select id="correction-item" value={itemKey} onChange={(e) => setItemKey(e.target.value)}>
                    {items.map((i) => (
                      <option key={i.itemKey} value={i.itemKey}>
                        {i.text.slice(0, 100)}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
          )}
        </>
      )}
      {!(isItem && shownOperation === "ADD") && (
        <div className="form-row">
          <span id="current-label">
            <strong>Current value</strong>
          </span>
          <div className="current-value" aria-labelledby="current-label" data-testid="current-value">
            {currentText || <em>(none yet)</em>}
          </div>
        </div>
      )}
      {!(isItem && shownOperation === "REMOVE") && (
        <div className="form-row">
          <label htmlFor="proposedValue">{list ? (shownOperation === "ADD" ? "The item to add" : "The item, reworded") : "Your proposed value"}</label>
          {list ? (
            <input id="proposedValue" name="proposedValue" key={inputKey} defaultValue={proposedDefault} maxLength={200} required aria-describedby="proposedValue-hint" />
          ) : (
            <textarea id="proposedValue" name="proposedValue" key={inputKey} defaultValue={proposedDefault} rows={5} required />
          )}
          {list && (
            <span className="hint" id="proposedValue-hint">
              {field === "RELATED_CAREERS" ? "An O*NET-SOC code such as 15-1299.05; the title after it is optional." : "One item; the rest of the list stays as it is."}
            </span>
          )}
        </div>
      )}
      <div className="form-row">
        <label htmlFor="rationale">Why is this better? (required)</label>
        <textarea id="rationale" name="rationale" defaultValue={resubmit?.rationale} required minLength={10} maxLength={2000} />
      </div>
      <div className="form-row">
        <label htmlFor="sourceUrl">Source link (optional)</label>
        <input id="sourceUrl" name="sourceUrl" type="url" defaultValue={resubmit?.sourceUrl} placeholder="https://" />
      </div>
      <button type="submit" className="primary">
        {resubmit ? "Resubmit" : "Send for review"}
      </button>
    </ActionForm>
  );
}
