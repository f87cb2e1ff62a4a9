import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RolePage, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { TechnologySection } from "./technology-section";

// On the role page a long technology or tool list shows its first 20 entries (technologies: in
// demand first, then hot) and one link, at the section's end, leads to the whole lists
// (`/roles/<slug>/technology`, the `full` section); printed, its address follows it. A short
// list shows whole.
const section = { id: "technology", title: "Technology and tools", sources: [] } as unknown as RoleSectionInfo;
const url = "https://careerwiki.example/roles/test-widget-engineers";

function render(technologies: number, tools: number, { inDemandBelow = technologies, full = false } = {}): string {
  // Every third technology in demand (below `inDemandBelow`), every second hot; in O*NET's order, four to a category.
  const items = Array.from({ length: technologies }, (_, i) => ({ example: `Tech ${i}`, inDemand: i % 3 === 0 && i < inDemandBelow, hotTechnology: i % 2 === 0 }));
  const technology = Array.from({ length: Math.ceil(technologies / 4) }, (_, g) => ({ commodityTitle: `Category ${g}`, items: items.slice(g * 4, g * 4 + 4) }));
  const toolGroups = Array.from({ length: tools }, (_, g) => ({ commodityTitle: `Tools ${g}`, items: [`Tool ${g}`] }));
  const page = { slug: "test-widget-engineers", technology, tools: toolGroups, missing: {}, shown: { technologySkills: null } } as unknown as RolePage;
  return renderToStaticMarkup(createElement(TechnologySection, { page, section, url, full }));
}

const technologiesIn = (html: string) => [...html.matchAll(/<li>(Tech \d+)/g)].map((m) => m[1]);
const categoriesIn = (html: string) => [...html.matchAll(/<dt>(Category \d+)<\/dt>/g)].map((m) => m[1]);
const toolGroupsIn = (html: string) => [...html.matchAll(/<dt>(Tools \d+)<\/dt>/g)].map((m) => m[1]);
const linksIn = (html: string) => [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`);

describe("the technology section", () => {
  it("shows 20 technologies, in demand first, and links the whole list, whose address prints", () => {
    const html = render(60, 0);
    // 20 in demand (0, 3, ..., 57), none left for hot ones.
    expect(technologiesIn(html)).toEqual(Array.from({ length: 20 }, (_, i) => `Tech ${i * 3}`));
    expect(linksIn(html)).toEqual(["All 60 technologies, by category → /roles/test-widget-engineers/technology"]);
    expect(html).toContain(`<span class="print-only">: ${url}/technology</span>`);
    // The marks are explained once.
    expect(html.match(/= a hot technology/g)).toHaveLength(1);
  });

  it("fills up with hot technologies after the ones in demand, in O*NET's order, and leaves out a category with none shown", () => {
    // In demand: 0, 3, ..., 45 (16); then the first hot ones not in demand: 2, 4, 8, 10. Categories 12–14 (48–59) show nothing.
    const html = render(60, 0, { inDemandBelow: 48 });
    expect(technologiesIn(html)).toEqual([0, 2, 3, 4, 6, 8, 9, 10, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45].map((i) => `Tech ${i}`));
    expect(categoriesIn(html)).toEqual(Array.from({ length: 12 }, (_, g) => `Category ${g}`));
  });

  it("shows 20 kinds of tools in O*NET's order and links them all", () => {
    const html = render(0, 25);
    expect(toolGroupsIn(html)).toEqual(Array.from({ length: 20 }, (_, g) => `Tools ${g}`));
    expect(linksIn(html)).toEqual(["All 25 kinds of tools → /roles/test-widget-engineers/technology"]);
  });

  it("links both long lists with one link, after the tools", () => {
    const html = render(60, 25);
    expect(linksIn(html)).toEqual(["All 60 technologies and 25 kinds of tools → /roles/test-widget-engineers/technology"]);
    expect(html.indexOf("<a href")).toBeGreaterThan(html.indexOf("<dt>Tools 19</dt>"));
  });

  it("shows a short list whole, with no link", () => {
    const html = render(20, 20);
    expect(technologiesIn(html)).toHaveLength(20);
    expect(toolGroupsIn(html)).toHaveLength(20);
    expect(linksIn(html)).toEqual([]);
    expect(html).not.toContain("print-only");
  });

  it("shows everything, by category, on the page of the whole list", () => {
    const html = render(60, 25, { full: true });
    expect(technologiesIn(html)).toEqual(Array.from({ length: 60 }, (_, i) => `Tech ${i}`));
    expect(categoriesIn(html)).toHaveLength(15);
    expect(toolGroupsIn(html)).toHaveLength(25);
    expect(linksIn(html)).toEqual([]);
  });
});
