import { describe, expect, it } from "vitest";
import { citeRole } from "./cite-role";

const input = { title: "Test Widget Engineers", slug: "test-widget-engineers", url: "https://careerwiki.example/roles/test-widget-engineers", revision: 4, retrieved: "2026-12-04" };

describe("citeRole", () => {
  it("cites the page in APA, MLA and BibTeX with its revision and the date it was read", () => {
    const cite = citeRole(input);
    expect(cite.apa).toBe("Careerwiki. (n.d.). Test Widget Engineers (revision 4). Retrieved December 4, 2026, from https://careerwiki.example/roles/test-widget-engineers");
    expect(cite.mla).toBe("“Test Widget Engineers.” Careerwiki, revision 4, https://careerwiki.example/roles/test-widget-engineers. Accessed 4 Dec. 2026.");
    expect(cite.bibtex).toContain("@misc{careerwiki-test-widget-engineers-r4,");
    expect(cite.bibtex).toContain("url = {https://careerwiki.example/roles/test-widget-engineers/history#r4}");
    expect(cite.bibtex).toContain("note = {revision 4; accessed 2026-12-04}");
  });

  it("names an unchanged page as the official data", () => {
    expect(citeRole({ ...input, revision: 0 }).apa).toContain("(official data, no community revisions)");
  });
});
