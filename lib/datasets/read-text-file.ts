import { readFile } from "node:fs/promises";
import { DatasetFileError } from "./dataset-error";

/**
 * Reads a whole file as strict UTF-8. Invalid bytes are an error naming the line they
 * are on, instead of turning silently into U+FFFD in the database; so is a NUL character,
 * which PostgreSQL cannot store in text.
 */
export async function readUtf8File(path: string, fileLabel: string): Promise<string> {
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const badOffset = findInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, badOffset).reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
    throw new DatasetFileError(fileLabel, line, null, `is not valid UTF-8 (bad byte 0x${bytes[badOffset]?.toString(16)} at offset ${badOffset})`);
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const { line, column } = lineAndColumnAt(text, nul);
    throw new DatasetFileError(fileLabel, line, null, `contains a NUL character (at character ${column} of the line)`);
  }
  return text;
}

/** 1-based line and column of a character offset in a text. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

function findInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Binary search the shortest prefix that fails to decode; a split multi-byte character
  // at the end of a prefix also fails, so step back to the start of that character.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}
