import { describe, expect, it } from "vitest";
import { onetSocCodeAtLineStart } from "./onet-soc-code";
import { ZOnetSocCodeSchema } from "./onet-soc-code.schema";

describe("ZOnetSocCodeSchema", () => {
  it.each(["15-1299.05", "11-1011.00", "53-7121.00"])("accepts %s", (code) => {
    expect(ZOnetSocCodeSchema.safeParse(code).success).toBe(true);
  });

  it.each(["15-1299", "15-1299.5", "151299.05", " 15-1299.05", "15-1299.05 ", "15-1299.05x", "x15-1299.05", "15–1299.05"])("refuses %j", (code) => {
    expect(ZOnetSocCodeSchema.safeParse(code).error?.issues[0]?.message).toBe("expected an O*NET-SOC code like 15-1299.05");
  });
});

describe("onetSocCodeAtLineStart", () => {
  it.each([
    ["15-1252.00", "15-1252.00"],
    ["15-1252.00 Software Developers", "15-1252.00"],
    ["15-1252.00\tSoftware Developers", "15-1252.00"],
    ["Software Developers", null],
    ["15-1252 Software Developers", null],
    ["15-1252.001", null],
    ["15-1252.00-x", null],
    ["see 15-1252.00", null],
  ])("%j → %j", (line, code) => {
    expect(onetSocCodeAtLineStart(line)).toBe(code);
  });
});
