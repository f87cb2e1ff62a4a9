import type { z } from "zod";

/** A value's kind in words, as a person would name what to give. */
const KIND_IN_WORDS: Record<string, string> = { string: "text", number: "a number", int: "a whole number", boolean: "yes or no", array: "a list", object: "a set of fields", date: "a date", bigint: "a whole number" };

const FORMAT_IN_WORDS: Record<string, string> = { email: "an email address such as name@example.org", url: "a web address starting with https://", date: "a date written 2026-12-04", datetime: "a date and time", uuid: "an id", cuid: "an id" };

/**
 * The words for an issue a schema gave no message of its own: used on every parse at the
 * app's boundaries (parseOrThrow, a page's or route's query), so a person never reads zod's
 * defaults ("Invalid input: expected string, received array", "Too big: expected number to be
 * <=8760"). A schema's own message still wins (zod's precedence). `undefined` keeps zod's.
 */
export const readableIssue: z.core.$ZodErrorMap = (issue) => {
  const name = issue.path?.length ? `“${String(issue.path.at(-1))}”` : "This";
  switch (issue.code) {
    case "invalid_type": {
      if (Array.isArray(issue.input)) return `Give ${name} once: it is given ${issue.input.length} times.`;
      if (issue.input === undefined) return `${name} is missing.`;
      return `${name} should be ${KIND_IN_WORDS[issue.expected] ?? issue.expected}.`;
    }
    case "too_big":
      if (issue.origin === "string") return `${name} can be at most ${String(issue.maximum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `${name} can have at most ${String(issue.maximum)}.`;
      return `${name} can be at most ${String(issue.maximum)}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? `${name} cannot be empty.` : `${name} needs at least ${String(issue.minimum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `${name} needs at least ${String(issue.minimum)}.`;
      return `${name} must be at least ${String(issue.minimum)}.`;
    case "invalid_value":
      return `${name} is one of: ${issue.values.map((value) => String(value)).join(", ")}.`;
    case "invalid_format":
      return issue.format === "regex" ? `${name} has characters that are not used here.` : `${name} should be ${FORMAT_IN_WORDS[issue.format] ?? `in the ${issue.format} format`}.`;
    case "not_multiple_of":
      return `${name} should be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `These are not used here: ${issue.keys.join(", ")}.`;
    default:
      return `${name} cannot be used here.`;
  }
};
