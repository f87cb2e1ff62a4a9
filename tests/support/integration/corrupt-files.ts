// Seeded corruptions of the fixture data files, for the importer's bad-input fuzzer
// (lib/datasets/run-import.corrupt-files.integration.test.ts). Each corruption is a pure function of
// the file's bytes and a seeded random source, so a failing case reruns from its seed.
import * as XLSX from "@e965/xlsx";

/** mulberry32: a tiny deterministic PRNG (the same seed gives the same cases on every machine). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed for one case, mixed from the run's seed and the case's name. */
export function caseSeed(seed: number, name: string): number {
  let hash = seed >>> 0;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

export type FileFormat = "delimited" | "json" | "sheet";
/** JSON string values on a `"videoUrl"` line only. */
type LineFormat = FileFormat | "json-url";

export interface Corrupted {
  bytes: Uint8Array;
  /** The 1-based line the importer must name, when the corruption sits on one known line. */
  line: number | null;
  /** What was done, for the failure message. */
  detail: string;
}

export interface Corruption {
  kind: string;
  formats: readonly FileFormat[];
  /** True when the corrupted file still holds exactly the same data (the import may accept it, changing nothing). */
  harmless?: boolean;
  /** True when the file holds a repeated record (refused with file+line, or skipped and reported). */
  duplicate?: boolean;
  apply(bytes: Uint8Array, random: () => number, format: FileFormat, delimiter: string): Corrupted | null;
}

const GIANT = 100_000;
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Lines of a text file, and the indexes of its data lines (not the header, not blank). */
function textLines(bytes: Uint8Array, format: LineFormat) {
  const lines = decode(bytes).split("\n");
  const data = lines.map((line, index) => index).filter((index) => {
    const line = lines[index]!;
    if (format === "json" || format === "json-url") return /^\s*"[^"]+"\s*:\s*"[^"]*",?\s*$/.test(line) && (format === "json" ? /"title"|"videoUrl"/ : /"videoUrl"/).test(line);
    return index > 0 && line.trim() !== "";
  });
  return { lines, data };
}

/** Rewrites one cell of a data line (delimited files) or one string value (JSON). */
function replaceCell(bytes: Uint8Array, random: () => number, format: LineFormat, delimiter: string, choose: (cells: string[]) => number | null, value: (old: string) => string, what: string): Corrupted | null {
  const { lines, data } = textLines(bytes, format);
  if (data.length === 0) return null;
  const index = pick(data, random);
  if (format === "json" || format === "json-url") {
    lines[index] = lines[index]!.replace(/:\s*"([^"]*)"/, (_, old: string) => `: ${JSON.stringify(value(old))}`);
  } else {
    const cells = lines[index]!.split(delimiter);
    const position = choose(cells);
    if (position === null) return null;
    cells[position] = value(cells[position]!);
    lines[index] = cells.join(delimiter);
  }
  return { bytes: encode(lines.join("\n")), line: index + 1, detail: `${what} on line ${index + 1}` };
}

/** A number cell; a leading zero ("04") marks a code kept as text, which any text may replace. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const CODE = /^\d{2}-\d{4}/;

function cellIndex(cells: string[], random: () => number, test: (cell: string) => boolean): number | null {
  const candidates = cells.map((cell, index) => index).filter((index) => test(cells[index]!));
  return candidates.length === 0 ? null : pick(candidates, random);
}

/** The text corruptions: delimited (O*NET tab-separated, CSV) and JSON files. */
const TEXT_CORRUPTIONS: Corruption[] = [
  {
    kind: "truncated line",
    formats: ["delimited"],
    apply(bytes, random, _format, delimiter) {
      const { lines, data } = textLines(bytes, "delimited");
      const index = pick(data, random);
      const line = lines[index]!;
      // Cut before the last separator, so at least one cell is lost (a cut inside the last
      // cell can leave a different but valid value, which no reader can tell apart).
      const cut = 1 + Math.floor(random() * line.lastIndexOf(delimiter));
      lines[index] = line.slice(0, cut);
      return { bytes: encode(lines.slice(0, index + 1).join("\n")), line: index + 1, detail: `file cut at line ${index + 1}, column ${cut}` };
    },
  },
  {
    kind: "extra column",
    formats: ["delimited"],
    apply(bytes, random, _format, delimiter) {
      const { lines, data } = textLines(bytes, "delimited");
      const index = pick(data, random);
      lines[index] = `${lines[index]}${delimiter}surplus`;
      return { bytes: encode(lines.join("\n")), line: index + 1, detail: `extra cell on line ${index + 1}` };
    },
  },
  {
    kind: "missing cell",
    formats: ["delimited"],
    apply(bytes, random, _format, delimiter) {
      const { lines, data } = textLines(bytes, "delimited");
      const index = pick(data, random);
      const cells = lines[index]!.split(delimiter);
      cells.splice(Math.floor(random() * cells.length), 1);
      lines[index] = cells.join(delimiter);
      return { bytes: encode(lines.join("\n")), line: index + 1, detail: `one cell removed on line ${index + 1}` };
    },
  },
  {
    kind: "missing column",
    formats: ["delimited"],
    apply(bytes) {
      // The first column is the record's code in every delimited file we import.
      const text = decode(bytes);
      const delimiter = text.includes("\t") ? "\t" : ",";
      const lines = text.split("\n").map((line) => (line === "" ? line : line.split(delimiter).slice(1).join(delimiter)));
      return { bytes: encode(lines.join("\n")), line: 1, detail: "first column removed" };
    },
  },
  {
    kind: "invalid UTF-8",
    formats: ["delimited", "json"],
    apply(bytes, random, format) {
      const { lines, data } = textLines(bytes, format);
      const index = pick(data, random);
      const before = encode(lines.slice(0, index).map((line) => `${line}\n`).join(""));
      const line = encode(lines[index]!);
      const at = Math.floor(random() * line.length);
      const bad = pick([[0xff], [0xc3], [0xe2, 0x28, 0xa1], [0xed, 0xa0, 0x80]], random);
      const rest = encode(lines.slice(index + 1).map((l) => `\n${l}`).join(""));
      return { bytes: new Uint8Array([...before, ...line.slice(0, at), ...bad, ...line.slice(at), ...rest]), line: index + 1, detail: `bytes ${bad.map((b) => b.toString(16)).join(" ")} on line ${index + 1}` };
    },
  },
  {
    kind: "NUL byte",
    formats: ["delimited", "json"],
    apply(bytes, random, format, delimiter) {
      return replaceCell(bytes, random, format, delimiter, (cells) => cellIndex(cells, random, () => true), (old) => `${old.slice(0, 2)}\u0000${old.slice(2)}`, "NUL in a cell");
    },
  },
  {
    kind: "giant text field",
    formats: ["delimited", "json"],
    apply(bytes, random, format, delimiter) {
      return replaceCell(bytes, random, format, delimiter, (cells) => cellIndex(cells, random, () => true), () => "x".repeat(GIANT), `${GIANT.toLocaleString("en-US")}-character cell`);
    },
  },
  {
    kind: "giant number",
    formats: ["delimited"],
    apply(bytes, random, format, delimiter) {
      // 400 digits: matches every "number" pattern, but is Infinity as a double.
      return replaceCell(bytes, random, format, delimiter, (cells) => cellIndex(cells, random, (cell) => NUMBER.test(cell)), () => "9".repeat(400), "400-digit number");
    },
  },
  {
    kind: "text in a number column",
    formats: ["delimited"],
    apply(bytes, random, format, delimiter) {
      return replaceCell(bytes, random, format, delimiter, (cells) => cellIndex(cells, random, (cell) => NUMBER.test(cell)), () => "high", '"high" in a numeric cell');
    },
  },
  {
    kind: "number in a code column",
    formats: ["delimited", "json"],
    apply(bytes, random, format, delimiter) {
      if (format === "json") return replaceCell(bytes, random, "json-url", delimiter, () => 0, () => "12345", "12345 as a video URL");
      return replaceCell(bytes, random, format, delimiter, (cells) => cellIndex(cells, random, (cell) => CODE.test(cell)), () => "12345", "12345 in a code cell");
    },
  },
  {
    kind: "duplicate record",
    formats: ["delimited", "json"],
    duplicate: true,
    apply(bytes, random, format) {
      const text = decode(bytes);
      if (format === "json") {
        // A second entry under an existing key: JSON.parse would silently keep the last.
        const lines = text.split("\n");
        const keys = lines.map((line, index) => index).filter((index) => /^ {4}"[^"]+": \{$/.test(lines[index]!));
        const first = pick(keys, random);
        const end = lines.findIndex((line, index) => index > first && /^ {4}\}/.test(line));
        const entry = lines.slice(first, end + 1);
        entry[entry.length - 1] = "    },";
        lines.splice(first, 0, ...entry);
        return { bytes: encode(lines.join("\n")), line: first + entry.length + 1, detail: `entry at line ${first + 1} repeated` };
      }
      const { lines, data } = textLines(bytes, format);
      const index = pick(data, random);
      const at = index + 1 + Math.floor(random() * (lines.length - index - 1));
      lines.splice(at, 0, lines[index]!);
      return { bytes: encode(lines.join("\n")), line: at + 1, detail: `line ${index + 1} repeated as line ${at + 1}` };
    },
  },
  {
    kind: "empty file",
    formats: ["delimited", "json"],
    apply: () => ({ bytes: new Uint8Array(), line: null, detail: "0 bytes" }),
  },
  {
    kind: "header only",
    formats: ["delimited"],
    apply(bytes) {
      const header = decode(bytes).split("\n")[0]!;
      return { bytes: encode(`${header}\n`), line: null, detail: "every data line removed" };
    },
  },
  {
    kind: "truncated file",
    formats: ["json", "sheet"],
    apply(bytes, random) {
      const cut = Math.floor(bytes.length * (0.2 + random() * 0.6));
      return { bytes: bytes.slice(0, cut), line: null, detail: `cut at byte ${cut} of ${bytes.length}` };
    },
  },
  {
    kind: "byte-order mark",
    formats: ["delimited", "json"],
    harmless: true,
    apply: (bytes) => ({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), line: null, detail: "UTF-8 BOM added" }),
  },
  {
    kind: "CRLF line ends",
    formats: ["delimited", "json"],
    harmless: true,
    apply: (bytes) => ({ bytes: encode(decode(bytes).replace(/\r?\n/g, "\r\n")), line: null, detail: "every \\n made \\r\\n" }),
  },
];

type SheetCell = string | number | boolean | null;

/**
 * A corruption of spreadsheet cells (the .xlsx and .xls files), done with SheetJS on every
 * sheet of the workbook (the fuzzer does not know which sheet the importer reads).
 */
function sheetCorruption(kind: string, change: (rows: SheetCell[][], random: () => number) => string | null, options: { duplicate?: boolean } = {}): Corruption {
  return {
    kind,
    formats: ["sheet"],
    duplicate: options.duplicate,
    apply(bytes, random) {
      const workbook = XLSX.read(bytes, { type: "array" });
      const details: string[] = [];
      for (const name of workbook.SheetNames) {
        const sheet = workbook.Sheets[name]!;
        const rows = XLSX.utils.sheet_to_json<SheetCell[]>(sheet, { header: 1, blankrows: true, defval: null, raw: true });
        const detail = change(rows, random);
        if (detail === null) continue;
        const range = XLSX.utils.decode_range(sheet["!ref"] ?? "A1");
        const rewritten: XLSX.WorkSheet = {};
        XLSX.utils.sheet_add_aoa(rewritten, rows, { origin: XLSX.utils.encode_cell({ r: range.s.r, c: range.s.c }) });
        workbook.Sheets[name] = rewritten;
        details.push(`${name}: ${detail}`);
      }
      if (details.length === 0) return null;
      const bookType = bytes[0] === 0x50 ? "xlsx" : "biff8";
      const written = XLSX.write(workbook, { type: "array", bookType }) as ArrayBuffer;
      return { bytes: new Uint8Array(written), line: null, detail: details.join("; ") };
    },
  };
}

/** Rows that hold at least one number (the data rows of every sheet we import). */
function dataRows(rows: SheetCell[][]): number[] {
  return rows.map((row, index) => index).filter((index) => index > 0 && rows[index]!.some((cell) => typeof cell === "number"));
}

function changeNumberCell(rows: SheetCell[][], random: () => number, value: SheetCell, what: string): string | null {
  const candidates = dataRows(rows);
  if (candidates.length === 0) return null;
  const index = pick(candidates, random);
  const row = rows[index]!;
  const numbers = row.map((cell, column) => column).filter((column) => typeof row[column] === "number");
  const column = pick(numbers, random);
  row[column] = value;
  return `${what} in row ${index + 1}, column ${column + 1}`;
}

const SHEET_CORRUPTIONS: Corruption[] = [
  sheetCorruption("text in a number column", (rows, random) => changeNumberCell(rows, random, "high", '"high"')),
  sheetCorruption("giant number", (rows, random) => changeNumberCell(rows, random, "9".repeat(400), "400-digit number text")),
  sheetCorruption("giant text field", (rows, random) => {
    const candidates = dataRows(rows);
    if (candidates.length === 0) return null;
    const index = pick(candidates, random);
    const row = rows[index]!;
    const texts = row.map((cell, column) => column).filter((column) => typeof row[column] === "string");
    if (texts.length === 0) return null;
    const column = pick(texts, random);
    row[column] = "x".repeat(30_000);
    return `30,000-character text in row ${index + 1}, column ${column + 1}`;
  }),
  sheetCorruption("number in a code column", (rows, random) => {
    const candidates = dataRows(rows).filter((index) => rows[index]!.some((cell) => typeof cell === "string" && CODE.test(cell)));
    if (candidates.length === 0) return null;
    const index = pick(candidates, random);
    const row = rows[index]!;
    const column = row.findIndex((cell) => typeof cell === "string" && CODE.test(cell));
    row[column] = 12345;
    return `12345 as a code in row ${index + 1}, column ${column + 1}`;
  }),
  sheetCorruption(
    "duplicate record",
    (rows, random) => {
      const candidates = dataRows(rows);
      if (candidates.length === 0) return null;
      const index = pick(candidates, random);
      rows.splice(index + 1, 0, [...rows[index]!]);
      return `row ${index + 1} repeated`;
    },
    { duplicate: true },
  ),
  sheetCorruption("header only", (rows) => {
    const first = dataRows(rows)[0];
    if (first === undefined) return null;
    rows.splice(first);
    return `rows from ${first + 1} on removed`;
  }),
];

export const CORRUPTIONS: readonly Corruption[] = [...TEXT_CORRUPTIONS, ...SHEET_CORRUPTIONS];

export function fileFormat(file: string): FileFormat {
  if (/\.xlsx?$/.test(file)) return "sheet";
  if (file.endsWith(".json")) return "json";
  return "delimited";
}
