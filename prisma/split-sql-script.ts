/**
 * A migration script's statements, cut at each semicolon except inside a dollar-quoted body
 * (`$$ … $$`, `$body$ … $body$`: a function's). adapter-pg's executeScript cuts at every
 * semicolon, which splits a PL/pgSQL function apart; a script without dollar quotes is cut
 * exactly as it does.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let openQuote: string | null = null;
  for (const { 0: token, index } of script.matchAll(/\$[A-Za-z_]*\$|;/g)) {
    if (openQuote !== null) {
      if (token === openQuote) openQuote = null;
    } else if (token === ";") {
      statements.push(script.slice(start, index));
      start = index + 1;
    } else {
      openQuote = token;
    }
  }
  statements.push(script.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
