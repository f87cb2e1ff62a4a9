import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { TechnologySection } from "./technology-section";

// A long technology or tool list shows its first 20 entries (technologies: in demand first, then
// hot) and folds the whole list into a <details> (not laid out until opened); printed, the page
// keeps what the screen shows and says where the full list is. A short list shows whole.
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

/** The markup outside every <details>: what shows before the reader opens anything. */
const shown = (html: string) => html.replace(/<details>[\s\S]*?<\/details>/g, "");
const folded = (html: string) => [...html.matchAll(/<details>([\s\S]*?)<\/details>/g)].map((m) => m[1]!);
const technologiesIn = (html: string) => [...html.matchAll(/<li>(Tech \d+)/g)].map((m) => m[1]);
const categoriesIn = (html: string) => [...html.matchAll(/<dt>(Category \d+)<\/dt>/g)].map((m) => m[1]);
const toolGroupsIn = (html: string) => [...html.matchAll(/<dt>(Tools \d+)<\/dt>/g)].map((m) => m[1]);

describe("the technology section", () => {
  it("shows 20 technologies, in demand first, folds all of them by category, and names the full list in print", () => {
    const html = render(60, 0);
    // 20 in demand (0, 3, ..., 57), none left for hot ones.
    expect(technologiesIn(shown(html))).toEqual(Array.from({ length: 20 }, (_, i) => `Tech ${i * 3}`));
    const [all] = folded(html);
    expect(all).toContain("<summary>All 60 technologies, by category</summary>");
    expect(technologiesIn(all!)).toEqual(Array.from({ length: 60 }, (_, i) => `Tech ${i}`));
    expect(html).toContain(`Printed: 20 of the 60 technologies. The full list: ${url}#technology`);
    // The marks are explained once.
    expect(html.match(/= a hot technology/g)).toHaveLength(1);
  });

  it("fills up with hot technologies after the ones in demand, in O*NET's order, and leaves out a category with none shown", () => {
    // In demand: 0, 3, ..., 45 (16); then the first hot ones not in demand: 2, 4, 8, 10. Categories 12–14 (48–59) show nothing.
    const visible = shown(render(60, 0, 48));
    expect(technologiesIn(visible)).toEqual([0, 2, 3, 4, 6, 8, 9, 10, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45].map((i) => `Tech ${i}`));
    expect(categoriesIn(visible)).toEqual(Array.from({ length: 12 }, (_, g) => `Category ${g}`));
  });

  it("shows 20 kinds of tools in O*NET's order and folds all of them", () => {
    const html = render(0, 25);
    expect(toolGroupsIn(shown(html))).toEqual(Array.from({ length: 20 }, (_, g) => `Tools ${g}`));
    const [all] = folded(html);
    expect(all).toContain("<summary>All 25 kinds of tools, in O*NET&#x27;s order</summary>");
    expect(toolGroupsIn(all!)).toHaveLength(25);
    expect(html).toContain(`Printed: 20 of the 25 kinds of tools. The full list: ${url}#technology`);
  });

  it("shows a short list whole, with nothing folded and no print note", () => {
    const html = render(20, 20);
    expect(folded(html)).toEqual([]);
    expect(html).not.toContain("Printed:");
    expect(technologiesIn(html)).toHaveLength(20);
    expect(toolGroupsIn(html)).toHaveLength(20);
  });
});
