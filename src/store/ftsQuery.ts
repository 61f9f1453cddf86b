/**
 * SQLite FTS5 query syntax, kept inside the SQLite backend: the rest of the system asks for
 * passages by word forms (stems), never by an FTS expression.
 */

export interface FtsPattern {
  term: string;
  prefix: boolean;
}

/**
 * The FTS5 patterns for a set of forms: prefix patterns for long stems (and for the stem
 * minus a leftover inflection, "beginnt" -> "begin*" finds "beginn"), exact ones for short
 * stems; a pattern already covered by a shorter prefix is dropped, which keeps the query
 * small and fast.
 */
export function ftsPatterns(forms: Iterable<string>): FtsPattern[] {
  const prefixes = new Set<string>();
  const exact = new Set<string>();
  for (const f of forms) {
    if (f.length >= 5) prefixes.add(f);
    else exact.add(f);
    if (f.length >= 7 && !/\d/.test(f)) prefixes.add(f.slice(0, -2));
  }
  const sorted = [...prefixes].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  const exactKept = [...exact].filter((e) => !kept.some((k) => e.startsWith(k)));
  return [...kept.map((term) => ({ term, prefix: true })), ...exactKept.map((term) => ({ term, prefix: false }))];
}

/** FTS5 expression matching any of the forms; null when there is nothing to match. */
export function ftsExpression(forms: Iterable<string>): string | null {
  const patterns = ftsPatterns(forms);
  if (patterns.length === 0) return null;
  // Forms are folded index terms (letters and digits); quoting keeps FTS5 operators out.
  return patterns.map((p) => `"${p.term.replace(/"/g, '')}"${p.prefix ? '*' : ''}`).join(' OR ');
}
