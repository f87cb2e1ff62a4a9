import { describe, expect, it } from "vitest";
import { narrativeText, nestNarrativeHeadings } from "./narrative-text";

describe("narrativeText", () => {
  it("keeps one paragraph per block and decodes the sanitiser's entities", () => {
    expect(narrativeText("<h2>A week</h2><p>Hello &amp; <strong>welcome</strong></p><ul><li><p>One</p></li><li><p>Two &lt;b&gt;</p></li></ul>")).toBe(
      "A week\n\nHello & welcome\n\nOne\n\nTwo <b>",
    );
  });

  it("is empty for an empty document", () => {
    expect(narrativeText("")).toBe("");
  });
});

describe("nestNarrativeHeadings", () => {
  it("moves an author's headings below the narrative's own heading", () => {
    expect(nestNarrativeHeadings('<h2 class="x">A week</h2><p>h2 stays text</p><h3>Then</h3><h6>Deep</h6>', 2)).toBe('<h4 class="x">A week</h4><p>h2 stays text</p><h5>Then</h5><h6>Deep</h6>');
  });
});
