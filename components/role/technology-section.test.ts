import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { TechnologySection } from "./technology-section";

// Printed, a long technology or tool list keeps 20 entries and says where the full list is
// (the rest carries `print-omitted`, hidden by the print CSS); a short list prints whole.
const section = { id: "technology", title: "Technology and tools", sources: [] } as unknown as RoleSectionInfo;
const url = "https://careerwiki.example/roles/test-widget-engineers";

function render(technologies: number, tools: number, inDemandBelow = technologies): string {
  // Every third technology in demand (below `inDemandBelow`), every second hot; in O*NET's order, four to a category.
  const items = Array.from({ length: technologies }, (_, i) => ({ example: `Tech ${i}`, inDemand: i % 3 === 0 && i < inDemandBelow, hotTechnology: i % 2 === 0 }));
  const technology = Array.from({ length: Math.ceil(technologies / 4) }, (_, g) => ({ commodityTitle: `Category ${g}`, items: items.slice(g * 4, g * 4 + 4) }));
  const toolGroups = Array.from({ length: tools }, (_, g) => ({ commodityTitle: `Tools ${g}`, items: [`Tool ${g}`] }));
  const page = { technology, tools: toolGroups, missing: {}, shown: { technologySkills: null } } as unknown as RolePage;
  return renderToStaticMarkup(createElement(TechnologySection, { page, section, url }));
}

const printedTechnologies = (html: string) => [...html.matchAll(/<li(?: class="([^"]*)")?>(Tech \d+)/g)].filter((m) => m[1] !== "print-omitted").map((m) => m[2]);

describe("the technology section in print", () => {
  it("keeps 20 technologies, in demand first, then hot, and names the full list", () => {
    const html = render(60, 25);
    const kept = printedTechnologies(html);
    // 20 in demand (0, 3, ..., 57), none left for hot ones.
    expect(kept).toEqual(Array.from({ length: 20 }, (_, i) => `Tech ${i * 3}`));
    expect(html).toContain(`Printed: 20 of the 60 technologies, those O*NET marks in demand or hot first. The full list: ${url}#technology`);
    expect(html.match(/<div class="print-omitted"><dt>Tools \d+<\/dt>/g)).toHaveLength(5);
    expect(html).toContain(`Printed: 20 of the 25 kinds of tools, in O*NET&#x27;s order. The full list: ${url}#technology`);
  });

  it("fills up with hot technologies after the ones in demand, and leaves out a category with nothing printed", () => {
    // In demand: 0, 3, ..., 45 (16); then the first hot ones not in demand: 2, 4, 8, 10. Categories 12–14 (48–59) print nothing.
    const html = render(60, 0, 48);
    expect(printedTechnologies(html)).toEqual([0, 2, 3, 4, 6, 8, 9, 10, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45].map((i) => `Tech ${i}`));
    expect(html.match(/<div class="print-omitted"><dt>Category \d+<\/dt>/g)).toEqual(["Category 12", "Category 13", "Category 14"].map((c) => `<div class="print-omitted"><dt>${c}</dt>`));
  });

  it("fills up with hot technologies in O*NET's order", () => {
    const kept = printedTechnologies(render(36, 0));
    // In demand: 0, 3, ..., 33 (12); then hot ones not in demand, in order: 2, 4, 8, 10, 14, 16, 20, 22.
    expect(kept).toHaveLength(20);
    expect(kept).toEqual(expect.arrayContaining(["Tech 33", "Tech 2", "Tech 22"]));
    expect(kept).not.toContain("Tech 26");
  });

  it("prints a short list whole, without a note", () => {
    const html = render(20, 20);
    expect(html).not.toContain("print-omitted");
    expect(html).not.toContain("Printed:");
    expect(printedTechnologies(html)).toHaveLength(20);
  });
});
