import { describe, expect, it } from "vitest";
import type { RecentChange } from "./find-recent-changes";
import { pageFeedOptions, recentChangesToAtom, SITE_FEED } from "./recent-changes-feed";

const change: RecentChange = {
  id: "rev1",
  occupationCode: "29-1141.00",
  kind: "APPROVAL",
  number: 3,
  slug: "registered-nurses",
  occupationTitle: "Registered Nurses & <Friends>",
  fieldLabel: "Overview",
  actorName: 'Ada "A" O\'Neil',
  summary: "<script>alert(1)</script>",
  createdAt: new Date("2026-12-01T10:00:00Z"),
  href: "/roles/registered-nurses/history#r3",
};

describe("recentChangesToAtom", () => {
  it("builds absolute links on the configured site and escapes every text", () => {
    const xml = recentChangesToAtom([change], "https://careerwiki.example", SITE_FEED, null);
    expect(xml).toContain('<link href="https://careerwiki.example/roles/registered-nurses/history#r3"/>');
    expect(xml).toContain("<title>Registered Nurses &amp; &lt;Friends&gt;: Overview</title>");
    expect(xml).toContain("<name>Ada &quot;A&quot; O&apos;Neil</name>");
    expect(xml).toContain("<summary>&lt;script&gt;alert(1)&lt;/script&gt;</summary>");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("<updated>2026-12-01T10:00:00.000Z</updated>");
  });

  it("is a valid feed with no entries when nothing has changed", () => {
    const xml = recentChangesToAtom([], "https://careerwiki.example", SITE_FEED, new Date("2026-11-30T08:00:00Z"));
    // Updated when the official data was imported, not at the epoch.
    expect(xml).toContain("<updated>2026-11-30T08:00:00.000Z</updated>");
    expect(xml).not.toContain("<entry>");
  });
});

describe("a page's feed", () => {
  it("names the page and points at its history and its own address", () => {
    const xml = recentChangesToAtom([change], "https://careerwiki.example", pageFeedOptions({ title: "Registered Nurses", slug: "registered-nurses" }), null);
    expect(xml).toContain("<title>Careerwiki: changes to Registered Nurses</title>");
    expect(xml).toContain('<link rel="self" href="https://careerwiki.example/roles/registered-nurses/changes.atom"/>');
    expect(xml).toContain("<id>https://careerwiki.example/roles/registered-nurses/history</id>");
  });
});
