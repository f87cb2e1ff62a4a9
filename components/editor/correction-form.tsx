"use client";
import { useState } from "react";
import { ActionForm, type FormState } from "@/components/ui/action-form";

export interface CorrectionFormProps {
  occupationCode: string;
  baseRevisionNumber: number;
  fields: { field: string; label: string; currentText: string }[];
  tasks: { itemKey: string; statement: string }[];
  action: (state: FormState | null, formData: FormData) => Promise<FormState>;
  /** Resubmitting a correction sent back for changes: field and item are fixed. */
  resubmit?: { submissionId: string; field: string; operation: string; itemKey: string; proposedText: string; rationale: string; sourceUrl: string; currentText: string; label: string };
}

const LIST_FIELDS = new Set(["ALTERNATE_TITLES", "TECHNOLOGY_SKILLS", "RELATED_CAREERS"]);

/** Propose a correction: pick a field (or a task to add, change or remove), see its current value, explain why. */
export function CorrectionForm({ occupationCode, baseRevisionNumber, fields, tasks, action, resubmit }: CorrectionFormProps) {
  const [field, setField] = useState(resubmit?.field ?? "DESCRIPTION");
  const [operation, setOperation] = useState(resubmit?.operation ?? "CHANGE");
  const [itemKey, setItemKey] = useState(resubmit?.itemKey ?? tasks[0]?.itemKey ?? "");
  const isTask = field === "TASK";
  const currentText = resubmit ? resubmit.currentText : isTask ? (operation === "ADD" ? "" : (tasks.find((t) => t.itemKey === itemKey)?.statement ?? "")) : (fields.find((f) => f.field === field)?.currentText ?? "");
  const proposedDefault = resubmit ? resubmit.proposedText : currentText;
  return (
    <ActionForm action={action} label="Suggest a correction">
      <input type="hidden" name="occupationCode" value={occupationCode} />
      <input type="hidden" name="baseRevisionNumber" value={baseRevisionNumber} />
      {resubmit && <input type="hidden" name="submissionId" value={resubmit.submissionId} />}
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="operation" value={isTask ? operation : "CHANGE"} />
      {isTask && operation !== "ADD" && <input type="hidden" name="itemKey" value={itemKey} />}
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
              <option value="TASK">A task</option>
            </select>
          </div>
          {isTask && (
            <div className="form-row">
              <label htmlFor="correction-operation">Add, change or remove a task</label>
              <select id="correction-operation" value={operation} onChange={(e) => setOperation(e.target.value)}>
                <option value="ADD">Add a task</option>
                <option value="CHANGE">Change a task</option>
                <option value="REMOVE">Remove a task</option>
              </select>
              {operation !== "ADD" && (
                <>
                  <label htmlFor="correction-task">Which task</label>
                  <select id="correction-task" value={itemKey} onChange={(e) => setItemKey(e.target.value)}>
                    {tasks.map((t) => (
                      <option key={t.itemKey} value={t.itemKey}>
                        {t.statement.slice(0, 100)}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
          )}
        </>
      )}
      {!(isTask && operation === "ADD") && (
        <div className="form-row">
          <span id="current-label">
            <strong>Current value</strong>
          </span>
          <div className="current-value" aria-labelledby="current-label" data-testid="current-value">
            {currentText || <em>(none yet)</em>}
          </div>
        </div>
      )}
      {!(isTask && operation === "REMOVE") && (
        <div className="form-row">
          <label htmlFor="proposedValue">Your proposed value</label>
          <textarea id="proposedValue" name="proposedValue" key={`${field}|${operation}|${itemKey}`} defaultValue={proposedDefault} rows={LIST_FIELDS.has(field) ? 8 : 5} required />
          {LIST_FIELDS.has(field) && (
            <span className="hint">{field === "RELATED_CAREERS" ? "One occupation per line, starting with its O*NET-SOC code (such as 15-1299.05); the title after it is optional." : "One item per line."}</span>
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
