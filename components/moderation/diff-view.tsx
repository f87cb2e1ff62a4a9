import type { DiffPart } from "@/lib/revisions/diff-revisions";

/** A word or item diff from the `diff` library, as <ins>/<del>. */
export function DiffView({ parts, list = false }: { parts: DiffPart[]; list?: boolean }) {
  if (list) {
    return (
      <ul className="diff diff-list">
        {parts.map((part, index) => (
          <li key={index}>{part.added ? <ins>+ {part.value}</ins> : part.removed ? <del>− {part.value}</del> : <span>  {part.value}</span>}</li>
        ))}
      </ul>
    );
  }
  return (
    <p className="diff current-value">
      {parts.map((part, index) => (part.added ? <ins key={index}>{part.value}</ins> : part.removed ? <del key={index}>{part.value}</del> : <span key={index}>{part.value}</span>))}
    </p>
  );
}
