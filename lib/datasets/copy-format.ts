/** Encodes values for PostgreSQL's COPY text format (tab-separated, `\N` for null). */

export type CopyValue = string | number | boolean | null | undefined | Date | readonly string[];

export function encodeCopyRow(values: readonly CopyValue[]): string {
  return `${values.map(encodeCopyValue).join("\t")}\n`;
}

function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot store the non-finite number ${value}`);
    return String(value);
  }
  if (value instanceof Date) return escapeCopyText(value.toISOString());
  if (Array.isArray(value)) return escapeCopyText(encodeArrayLiteral(value));
  return escapeCopyText(value as string);
}

function encodeArrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

function escapeCopyText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
