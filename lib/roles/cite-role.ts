// "Cite this page": the role page in APA, MLA and BibTeX, naming the page's revision and the
// date it was read. Plain functions with no server imports: the page's citation box runs in
// the browser to fill in the reader's own date.

export interface RoleCitationInput {
  title: string;
  slug: string;
  /** The page's canonical URL. */
  url: string;
  /** The page's latest community revision (0: the official page, unchanged). */
  revision: number;
  /** YYYY-MM-DD the page was read. */
  retrieved: string;
}

interface RoleCitations {
  apa: string;
  mla: string;
  bibtex: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

export function citeRole({ title, slug, url, revision, retrieved }: RoleCitationInput): RoleCitations {
  const [year, month, day] = retrieved.split("-").map(Number) as [number, number, number];
  const version = revision === 0 ? "official data, no community revisions" : `revision ${revision}`;
  const versionedUrl = revision === 0 ? url : `${url}/history#r${revision}`;
  return {
    apa: `Careerwiki. (n.d.). ${title} (${version}). Retrieved ${MONTHS[month - 1]} ${day}, ${year}, from ${url}`,
    mla: `“${title}.” Careerwiki, ${version}, ${url}. Accessed ${day} ${MLA_MONTHS[month - 1]} ${year}.`,
    bibtex: [
      `@misc{careerwiki-${slug}-r${revision},`,
      `  title = {{${title.replace(/[{}\\]/g, "")}}},`,
      `  howpublished = {Careerwiki},`,
      `  note = {${version}; accessed ${retrieved}},`,
      `  url = {${versionedUrl}}`,
      `}`,
    ].join("\n"),
  };
}
