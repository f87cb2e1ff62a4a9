import { describe, expect, it } from "vitest";
import { applyListCorrections, type ListCorrection } from "./list-items";

const c = (itemKey: string, value: string | string[] | null): ListCorrection => ({ itemKey, removed: value === null, value });

describe("applyListCorrections", () => {
  const official = ["Excel", "Python", "AutoCAD"];

  it("applies item corrections by key and keeps every other official item in order", () => {
    const list = applyListCorrections(official, [c("onet:python", null), c("onet:excel", "Microsoft Excel"), c("new:1", "Git")]);
    expect(list.items.map((item) => [item.key, item.text, item.official])).toEqual([
      ["onet:excel", "Microsoft Excel", "Excel"],
      ["onet:autocad", "AutoCAD", "AutoCAD"],
      ["new:1", "Git", null],
    ]);
    expect(list.removed.map((item) => item.text)).toEqual(["Python"]);
    expect(list.items[1]!.correction).toBeNull();
  });

  it("keeps a reworded item whose official item is gone listed, ignores a removal of one that is gone, and shows an item once", () => {
    const list = applyListCorrections(official, [c("onet:fortran", "Modern Fortran"), c("onet:cobol", null), c("new:2", "python")]);
    expect(list.items.map((item) => item.text)).toEqual(["Excel", "Python", "AutoCAD", "Modern Fortran"]);
    expect(list.removed).toEqual([]);
  });

  it("reads a whole-list value stored before item corrections as the list, with item corrections on top", () => {
    const legacy = c("", ["Excel", "Lotus 1-2-3"]);
    const list = applyListCorrections(official, [legacy, c("onet:lotus 1-2-3", "Lotus")]);
    expect(list.items.map((item) => [item.text, item.official, item.correction?.itemKey ?? null])).toEqual([
      ["Excel", "Excel", null],
      ["Lotus", null, "onet:lotus 1-2-3"],
    ]);
    expect(list.removed.map((item) => [item.text, item.correction?.itemKey])).toEqual([
      ["Python", ""],
      ["AutoCAD", ""],
    ]);
  });
});
