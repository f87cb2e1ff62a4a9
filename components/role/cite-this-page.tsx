"use client";
import { useEffect, useState } from "react";
import { formatDate } from "@/lib/dates";
import { citeRole, type RoleCitationInput } from "@/lib/roles/cite-role";

/**
 * "Cite this page" (APA, MLA, BibTeX) and a share link. The page is cached, so the server
 * writes the date of its data; in the browser the reader's own date replaces it.
 */
export function CiteThisPage({ citation }: { citation: RoleCitationInput }) {
  const [retrieved, setRetrieved] = useState(citation.retrieved);
  useEffect(() => setRetrieved(formatDate(new Date())), []);
  const cite = citeRole({ ...citation, retrieved });
  return (
    <details className="cite-this-page">
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
