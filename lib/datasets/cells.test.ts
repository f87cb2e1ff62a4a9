import { describe, expect, it } from "vitest";
import { ZCellNumber, ZIntegerText, ZNumberText } from "./cells";

describe("number cells", () => {
  it("refuse a number too large to store instead of passing Infinity on to the database", () => {
    const digits = "9".repeat(400);
    expect(ZNumberText.safeParse(digits).error?.issues[0]?.message).toBe("is too large a number");
    expect(ZCellNumber.safeParse(digits).error?.issues[0]?.message).toBe("is too large a number");
    expect(ZIntegerText.safeParse("2147483648").error?.issues[0]?.message).toBe("is too large (at most 2,147,483,647)");
  });

  it("still read ordinary numbers", () => {
    expect(ZNumberText.parse("4.25")).toBe(4.25);
    expect(ZCellNumber.parse("108,970")).toBe(108970);
    expect(ZIntegerText.parse("2147483647")).toBe(2147483647);
  });
});
