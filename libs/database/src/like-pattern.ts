/** Escapes LIKE's wildcards and its escape character (backslash, the PostgreSQL default). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** An ILIKE pattern matching `text` anywhere, wildcards in `text` taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
