import { describe, expect, it } from "vitest";
import { ImportReport } from "./import-report";

const counts = (changes: Partial<{ inserted: number; updated: number; deleted: number }>, changedOccupations?: string[]) => ({
  read: 10,
  inserted: 0,
  updated: 0,
  unchanged: 10,
  deleted: 0,
  ...changes,
  ...(changedOccupations && { changedOccupations }),
});

describe("ImportReport.changedOccupations", () => {
  it("is the union of the occupations each changed table names, once each", () => {
    const report = new ImportReport(() => {});
    report.recordTable("onet", "OnetOccupation", counts({ updated: 1 }, ["99-0003.00"]));
    report.recordTable("onet", "Task", counts({ inserted: 1, deleted: 2 }, ["99-0001.00", "99-0003.00"]));
    report.recordTable("onet", "RoleSearchTerm", counts({ updated: 4 }, []));
    expect(report.changedOccupations()).toEqual(["99-0001.00", "99-0003.00"]);
  });

  it("is null when a table that changed cannot name its occupations (wages by SOC code): any page may have changed", () => {
    const report = new ImportReport(() => {});
    report.recordTable("onet", "Task", counts({ updated: 1 }, ["99-0001.00"]));
    report.recordTable("oews", "Wage (May 2024)", counts({ updated: 3 }));
    expect(report.changedOccupations()).toBeNull();
  });

  it("ignores tables that did not change, named or not: a re-run names none", () => {
    const report = new ImportReport(() => {});
    report.recordTable("oews", "Wage (May 2024)", counts({}));
    report.recordTable("onet", "Task", counts({}, []));
    expect(report.changedOccupations()).toEqual([]);
  });
});
