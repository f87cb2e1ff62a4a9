import { describe, expect, it } from "vitest";
import { ZSubmitNarrativeInputSchema } from "@/lib/submissions/narrative-input.types";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import type { AppError } from "@/lib/errors";
import { narrativeLinkHref } from "./narrative-links";

const TEXT = "I have inspected sprockets for years and know the gauges well. ".repeat(4);
const withLink = (href: string) => ({
  occupationCode: "99-0001.00",
  yearsInRole: 3,
  doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }, { type: "text", text: "my notes", marks: [{ type: "link", attrs: { href } }] }] }] },
});
const refusal = (input: unknown) => {
  try {
    parseOrThrow(ZSubmitNarrativeInputSchema, input);
    return null;
  } catch (error) {
    return error as AppError;
  }
};

describe("narrative links", () => {
  it("the editor's prompt gives a bare domain https://, a bare address mailto:, and refuses any other scheme naming the link", () => {
    expect(narrativeLinkHref(" example.com ")).toEqual({ href: "https://example.com" });
    expect(narrativeLinkHref("www.example.org/tools?x=1")).toEqual({ href: "https://www.example.org/tools?x=1" });
    expect(narrativeLinkHref("someone@example.org")).toEqual({ href: "mailto:someone@example.org" });
    expect(narrativeLinkHref("HTTPS://example.com/a")).toEqual({ href: "HTTPS://example.com/a" });
    expect(narrativeLinkHref("mailto:someone@example.org")).toEqual({ href: "mailto:someone@example.org" });
    for (const typed of ["ftp://files.example.org/manual.pdf", "javascript:alert(1)", "data:text/html,hi", "notes", "//example.com"]) {
      expect(narrativeLinkHref(typed), typed).toEqual({ error: `The link “${typed}” must start with http://, https:// or mailto:.` });
    }
  });

  it("the server's refusal of a link names it, as the editor's prompt does", () => {
    for (const href of ["example.com", "ftp://files.example.org/manual.pdf", "javascript:alert(1)"]) {
      const error = refusal(withLink(href));
      expect(error?.fieldErrors?.doc, href).toContain(`The link “${href}” must start with http://, https:// or mailto:.`);
    }
    expect(refusal(withLink("https://example.com"))).toBeNull();
  });
});
