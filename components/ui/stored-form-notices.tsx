import type { StoredFormNotice } from "@/lib/validation/clean-text";

/** "Stored differently from what you typed": each field, what changed it, and its stored form. */
export function StoredFormNotices({ notices }: { notices: StoredFormNotice[] | undefined }) {
  if (!notices || notices.length === 0) return null;
  return (
    <div data-testid="stored-form-notice">
      <p>Some of what you typed was stored differently:</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice.field}>
            <strong>{notice.label}</strong>: {notice.changes.join("; ")}. Stored as:
            <pre className="current-value">{notice.stored || "(empty)"}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
