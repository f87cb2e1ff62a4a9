"use client";
import { useState, type SyntheticEvent } from "react";
import { formatDate } from "@/lib/dates";
import { citeRole, type RoleCitationInput } from "@/lib/roles/cite-role";

/**
 * "Cite this page" (APA, MLA, BibTeX) and a share link. The page is cached, so the server
 * writes the date of its data; in the browser the reader's own date replaces it when the box
 * opens, not while the page starts: formatting the first date loads the browser's time-zone
 * data, about 24 ms of main-thread work here that a reader who never opens the box should not wait for.
 */
export function CiteThisPage({ citation }: { citation: RoleCitationInput }) {
  const [retrieved, setRetrieved] = useState(citation.retrieved);
  const fillInReadersDate = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (event.currentTarget.open) setRetrieved(formatDate(new Date()));
  };
  const cite = citeRole({ ...citation, retrieved });
  return (
    <details className="cite-this-page" onToggle={fillInReadersDate}>
      <summary>Cite this page</summary>
      <dl>
        <dt>APA</dt>
        <dd>{cite.apa}</dd>
        <dt>MLA</dt>
        <dd>{cite.mla}</dd>
        <dt>BibTeX</dt>
        <dd>
          <pre>{cite.bibtex}</pre>
        </dd>
        <dt>Link to share</dt>
        <dd>
          <a href={citation.url}>{citation.url}</a>
        </dd>
      </dl>
    </details>
  );
}
