"use client";
import { useState } from "react";
import { ActionForm, type FormState } from "@/components/ui/action-form";
import type { TCorrectionField } from "@/lib/community/fields";
import { isMassRemoval, listItemsFromText, removedListItems } from "@/lib/community/list-items";
import { cleanText } from "@/lib/validation/clean-text";

export interface CorrectionFormProps {
  occupationCode: string;
  baseRevisionNumber: number;
  fields: { field: string; label: string; currentText: string }[];
  tasks: { itemKey: string; statement: string }[];
  action: (state: FormState | null, formData: FormData) => Promise<FormState>;
  /** This form instance's key, made when the page rendered it: sending it twice makes one submission. */
  idempotencyKey?: string;
  /** Resubmitting a correction sent back for changes: field and item are fixed. */
  resubmit?: { submissionId: string; field: string; operation: string; itemKey: string; proposedText: string; rationale: string; sourceUrl: string; currentText: string; label: string };
}

const LIST_FIELDS = new Set(["ALTERNATE_TITLES", "TECHNOLOGY_SKILLS", "RELATED_CAREERS"]);

/** Propose a correction: pick a field (or a task to add, change or remove), see its current value, explain why. */
/** The current items a list proposal leaves out, as the server counts them (cleaned, without case). */
function removedItems(field: string, currentText: string, proposedText: string): string[] {
  if (!LIST_FIELDS.has(field)) return [];
  const items = (text: string) => listItemsFromText(field as TCorrectionField, text).map((item) => cleanText(item, { multiline: false }));
  return removedListItems(items(currentText), items(proposedText));
}

export function CorrectionForm({ occupationCode, baseRevisionNumber, fields, tasks, action, idempotencyKey, resubmit }: CorrectionFormProps) {
  const [field, setField] = useState(resubmit?.field ?? "DESCRIPTION");
  const [operation, setOperation] = useState(resubmit?.operation ?? "CHANGE");
  const [itemKey, setItemKey] = useState(resubmit?.itemKey ?? tasks[0]?.itemKey ?? "");
  const isTask = field === "TASK";
  const currentText = resubmit ? resubmit.currentText : isTask ? (operation === "ADD" ? "" : (tasks.find((t) => t.itemKey === itemKey)?.statement ?? "")) : (fields.find((f) => f.field === field)?.currentText ?? "");
  const proposedDefault = resubmit ? resubmit.proposedText : currentText;
  const textareaKey = `${field}|${operation}|${itemKey}`;
  const [typed, setTyped] = useState<{ key: string; text: string } | null>(null);
  const proposedText = typed?.key === textareaKey ? typed.text : proposedDefault;
  const removed = removedItems(field, currentText, proposedText);
  const currentCount = LIST_FIELDS.has(field) ? listItemsFromText(field as TCorrectionField, currentText).length : 0;
  return (
    <ActionForm action={action} label="Suggest a correction" sentLink={{ href: "/me/contributions", label: "Follow it under “My contributions”" }}>
      {idempotencyKey && <input type="hidden" name="idempotencyKey" value={idempotencyKey} />}
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
          <textarea
            id="proposedValue"
            name="proposedValue"
            key={textareaKey}
            defaultValue={proposedDefault}
            onChange={(event) => setTyped({ key: textareaKey, text: event.target.value })}
            rows={LIST_FIELDS.has(field) ? 8 : 5}
            required
          />
          {LIST_FIELDS.has(field) && (
            <span className="hint">{field === "RELATED_CAREERS" ? "One occupation per line, starting with its O*NET-SOC code (such as 15-1299.05); the title after it is optional." : "One item per line."}</span>
          )}
          {isMassRemoval(currentCount, removed.length) && (
            <label className="confirm-removals">
              <input type="checkbox" name="confirmRemovals" value={removed.length} /> I mean to remove these {removed.length} items: {removed.join(", ")}
            </label>
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
