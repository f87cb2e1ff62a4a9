/**
 * A command stopped by the operator's setup (a bad DATABASE_URL, a missing data folder), not by
 * a bug: its message says what is wrong and what to do, and is printed alone, without a stack
 * (scripts/lib/run.ts, `exitOnFailure`).
 */
export class OperatorError extends Error {
  override name = "OperatorError";
}
