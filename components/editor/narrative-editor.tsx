"use client";
import { EditorContent, type JSONContent, useEditor, useEditorState } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { publishLeftAnswer } from "@/components/ui/answer-outlet";
import { FormAnswer } from "@/components/ui/form-answer";
import { useSendKey } from "@/components/ui/use-send-key";
import { narrativeLinkHref } from "@/lib/community/narrative-links";
import { narrativeExtensions } from "@/lib/community/narrative-extensions";
import { NARRATIVE_PROMPTS, type TNarrativePromptKey } from "@/lib/community/narrative-prompts";
import { tooLargeToSend, utf8Bytes } from "@/lib/validation/request-size";
import type { StoredFormNotice } from "@/lib/validation/clean-text";

interface Result {
  ok: boolean;
  message: string;
  data?: Record<string, string>;
  fieldErrors?: Record<string, string[]>;
  storedNotices?: StoredFormNotice[];
}

export interface NarrativeEditorProps {
  occupationCode: string;
  draftId?: string;
  initialDoc?: JSONContent;
  initialYears?: number | null;
  initialAnswers?: Partial<Record<TNarrativePromptKey, string>>;
  saveDraft?: (input: unknown) => Promise<Result>;
  submit: (input: unknown) => Promise<Result>;
  /** Resubmitting after changes were requested. */
  submissionId?: string;
}

/** What this browser keeps of the editor (localStorage), all of it put back on the next visit. */
interface KeptCopy {
  doc?: JSONContent;
  yearsInRole?: number | null;
  promptAnswers?: Partial<Record<TNarrativePromptKey, string>>;
}

const EMPTY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/**
 * The narrative editor (tiptap): headings, lists, bold, italic, links and quotes, with the
 * optional prompts and years in role. Autosaves a server draft two seconds after typing
 * stops and keeps a copy in this browser, so a failed save never loses the text.
 */
export function NarrativeEditor({ occupationCode, draftId: initialDraftId, initialDoc, initialYears, initialAnswers, saveDraft, submit, submissionId }: NarrativeEditorProps) {
  const storageKey = `careerwiki:narrative:${submissionId ?? occupationCode}`;
  const [draftId, setDraftId] = useState(initialDraftId);
  const [years, setYears] = useState(initialYears?.toString() ?? "");
  const [answers, setAnswers] = useState<Partial<Record<TNarrativePromptKey, string>>>(initialAnswers ?? {});
  const [saveStatus, setSaveStatus] = useState<Result | null>(null);
  const [submitStatus, setSubmitStatus] = useState<Result | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sendKey = useSendKey();
  /** Sent: the editor stays read-only and the button disabled, so nothing is sent twice. */
  const sent = submitStatus?.ok === true;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The autosave on its way, if any: sending waits for it so that it sends that draft. */
  const saving = useRef<Promise<void> | null>(null);
  const latest = useRef({ years, answers, draftId });
  const sentRef = useRef(false);
  /** The last save found no connection: it is tried again when the browser is back online. */
  const offline = useRef(false);
  latest.current = { years, answers, draftId };
  const sentFrom = useRef<{ message: string; pathname: string } | null>(null);
  // A resubmission's page then shows the submission as waiting, without this editor: its answer
  // goes to the AnswerOutlet. Not after leaving for another page (the address has changed by then).
  useEffect(
    () => () => {
      if (sentFrom.current && sentFrom.current.pathname === window.location.pathname) publishLeftAnswer(sentFrom.current.message);
    },
    [],
  );

  const editor = useEditor({
    extensions: narrativeExtensions,
    content: initialDoc ?? EMPTY,
    immediatelyRender: false,
    editorProps: { attributes: { "aria-label": "Your narrative", role: "textbox", "aria-multiline": "true" } },
  });

  const input = useCallback(() => {
    const { years: y, answers: a, draftId: d } = latest.current;
    return {
      ...(d ? { draftId: d } : {}),
      ...(submissionId ? { submissionId } : {}),
      occupationCode,
      // A plain copy: ProseMirror's attrs objects are not plain objects, and React would send
      // them to the server action as opaque references instead of data.
      doc: JSON.parse(JSON.stringify(editor?.getJSON() ?? EMPTY)) as JSONContent,
      yearsInRole: y === "" ? null : Number(y),
      promptAnswers: a,
    };
  }, [editor, occupationCode, submissionId]);

  /** Keeps the copy in this browser; returns what was kept. */
  const keepCopy = useCallback((payload: ReturnType<typeof input>) => {
    const copy = JSON.stringify(payload);
    try {
      window.localStorage.setItem(storageKey, copy);
    } catch {
      // storage full or disabled: the server draft still holds it
    }
    return copy;
  }, [storageKey]);

  const save = useCallback(async () => {
    // Once sent, nothing is saved again (nor kept in this browser for the next editor).
    if (sentRef.current) return;
    const payload = input();
    keepCopy(payload);
    if (!saveDraft) return;
    try {
      const result = await saveDraft(payload);
      if (result.ok && result.data?.draftId) {
        // Known at once to a send waiting for this save, before React re-renders.
        latest.current.draftId = result.data.draftId;
        setDraftId(result.data.draftId);
      }
      offline.current = false;
      setSaveStatus(result.ok ? result : { ok: false, message: `Not saved: ${result.message} Your text is kept in this browser.` });
    } catch {
      offline.current = true;
      setSaveStatus({ ok: false, message: "Not saved (no connection). Your text is kept in this browser and saved as soon as the connection is back." });
    }
  }, [input, keepCopy, saveDraft]);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    saving.current = save().finally(() => {
      saving.current = null;
    });
  }, [save]);

  const scheduleSave = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, 2000);
  }, [saveNow]);

  useEffect(() => {
    const retry = () => {
      if (offline.current) saveNow();
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [saveNow]);

  useEffect(() => {
    if (!editor) return;
    editor.on("update", scheduleSave);
    return () => {
      editor.off("update", scheduleSave);
    };
  }, [editor, scheduleSave]);

  // A copy left in this browser by an earlier failed save is put back whole: text, years and answers.
  useEffect(() => {
    if (!editor || initialDoc) return;
    try {
      const stored = window.localStorage.getItem(storageKey);
      if (!stored || !editor.isEmpty) return;
      const copy = JSON.parse(stored) as KeptCopy;
      if (typeof copy.yearsInRole === "number") setYears(String(copy.yearsInRole));
      if (copy.promptAnswers) setAnswers(copy.promptAnswers);
      // Its update event saves it as the server draft.
      if (copy.doc) editor.commands.setContent(copy.doc);
    } catch {
      // ignore a corrupt copy
    }
  }, [editor, initialDoc, storageKey]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? { bold: e.isActive("bold"), italic: e.isActive("italic"), h2: e.isActive("heading", { level: 2 }), h3: e.isActive("heading", { level: 3 }), bullet: e.isActive("bulletList"), ordered: e.isActive("orderedList"), quote: e.isActive("blockquote"), link: e.isActive("link") }
        : null,
  });

  const setLink = () => {
    if (!editor) return;
    const previous = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt("Link address (https:// or mailto:)", previous ?? "https://");
    if (url === null) return;
    if (url.trim() === "") {
      setLinkProblem(null);
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    // Refused here with the reason, rather than dropped (tiptap skips javascript:) or refused by every later save.
    const link = narrativeLinkHref(url);
    setLinkProblem("error" in link ? link.error : null);
    if ("href" in link) editor.chain().focus().extendMarkRange("link").setLink({ href: link.href }).run();
  };

  const onSubmit = async () => {
    if (busy || sentRef.current) return;
    setBusy(true);
    clearTimeout(timer.current);
    try {
      if (saving.current) await saving.current;
      const payload = input();
      const kept = keepCopy(payload);
      const sending = submissionId ? payload : { ...payload, idempotencyKey: sendKey.take() };
      const tooLarge = tooLargeToSend(utf8Bytes(JSON.stringify(sending)));
      if (tooLarge) {
        setSubmitStatus({ ok: false, message: tooLarge });
        return;
      }
      const result = await submit(sending);
      sendKey.answered();
      setSubmitStatus(result);
      if (result.ok) {
        sentRef.current = true;
        sentFrom.current = { message: result.message, pathname: window.location.pathname };
        clearTimeout(timer.current);
        // Without an update event, which would schedule another save.
        editor?.setEditable(false, false);
        // The server stored this text; a copy changed since (typed while sending) stays.
        if (window.localStorage.getItem(storageKey) === kept) window.localStorage.removeItem(storageKey);
      }
    } catch {
      setSubmitStatus({ ok: false, message: "Could not send (no connection). Your text is kept; please try again." });
    } finally {
      setBusy(false);
    }
  };

  const button = (label: string, active: boolean | undefined, run: () => void) => (
    // Pressing a button keeps the focus in the text (tiptap gives it back only on the next frame,
    // so the first letters typed straight after a click would go to the button and be lost).
    <button type="button" aria-pressed={active ? "true" : "false"} onMouseDown={(event) => event.preventDefault()} onClick={run} disabled={!editor || sent}>
      {label}
    </button>
  );

  return (
    <div>
      <div className="toolbar" role="toolbar" aria-label="Formatting">
        {button("Heading", state?.h2, () => editor?.chain().focus().toggleHeading({ level: 2 }).run())}
        {button("Subheading", state?.h3, () => editor?.chain().focus().toggleHeading({ level: 3 }).run())}
        {button("Bold", state?.bold, () => editor?.chain().focus().toggleBold().run())}
        {button("Italic", state?.italic, () => editor?.chain().focus().toggleItalic().run())}
        {button("Bullet list", state?.bullet, () => editor?.chain().focus().toggleBulletList().run())}
        {button("Numbered list", state?.ordered, () => editor?.chain().focus().toggleOrderedList().run())}
        {button("Quote", state?.quote, () => editor?.chain().focus().toggleBlockquote().run())}
        {button("Link", state?.link, setLink)}
      </div>
      {linkProblem && (
        <p className="error" role="alert">
          {linkProblem}
        </p>
      )}
      <div className="editor">
        <EditorContent editor={editor} />
      </div>
      <div className="form-row">
        <label htmlFor="yearsInRole">Years in this role (required)</label>
        <input id="yearsInRole" type="number" min={0} max={70} required aria-invalid={submitStatus?.fieldErrors?.yearsInRole ? "true" : undefined} value={years} disabled={sent} onChange={(e) => { setYears(e.target.value); scheduleSave(); }} />
      </div>
      <h3>Optional prompts</h3>
      {(Object.keys(NARRATIVE_PROMPTS) as TNarrativePromptKey[]).map((key) => (
        <div className="form-row" key={key}>
          <label htmlFor={`prompt-${key}`}>{NARRATIVE_PROMPTS[key]}</label>
          <textarea id={`prompt-${key}`} maxLength={2000} value={answers[key] ?? ""} disabled={sent} onChange={(e) => { setAnswers({ ...answers, [key]: e.target.value }); scheduleSave(); }} />
        </div>
      ))}
      <p aria-live="polite" className={saveStatus && !saveStatus.ok ? "error" : "hint"} data-testid="save-status">
        {saveStatus?.message}
      </p>
      <button type="button" className="primary" onClick={() => void onSubmit()} disabled={busy || sent || !editor}>
        {sent ? "Sent" : submissionId ? "Resubmit" : "Send for review"}
      </button>
      <div aria-live="polite">{submitStatus && <FormAnswer state={submitStatus} sentLink={sent ? { href: "/me/contributions", label: "Follow it under “My contributions”" } : undefined} />}</div>
    </div>
  );
}
