/**
 * The extraction mechanisms that can be switched off one by one, so `npm run eval:extraction
 * -- --disable NAME` can measure what each contributes (an ablation): a mechanism that only
 * helps on the benchmark's pages shows up there and can be removed. Production never sets
 * EXTRACTION_DISABLE; the extraction worker threads receive it with their allow-listed environment.
 */
export const MECHANISMS = {
  'hidden-removal': 'elements hidden by attribute or inline style are dropped',
  'caption-removal': 'figure captions are dropped',
  'marked-article-body': 'a single schema.org articleBody element narrows the page',
  'link-filter': 'blocks that are mostly link text are dropped',
  'dateline-filter': 'short date-only blocks are dropped',
  'density-fallback': 'the paragraph classifier replaces a doubtful Readability result',
  'boilerplate-markup': 'elements whose class or id names them as page furniture (share, related, tags, newsletter, ...) are dropped',
  'embedded-quotes': 'wrappers holding nothing but a quoted post (an embedded tweet) are replaced by the quote',
  'edge-fragments': 'letterless blocks, and blocks of one or two words before or after the article text, are dropped',
} as const;

export type Mechanism = keyof typeof MECHANISMS;

/** Parses a comma-separated list of mechanism names; an unknown name is an error that lists the known ones. */
export function parseMechanisms(list: string | undefined): Set<Mechanism> {
  const names = (list ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!Object.hasOwn(MECHANISMS, name))
      throw new Error(`Unknown extraction mechanism "${name}" in EXTRACTION_DISABLE; known: ${Object.keys(MECHANISMS).join(', ')}`);
  }
  return new Set(names as Mechanism[]);
}

const disabled = parseMechanisms(process.env.EXTRACTION_DISABLE);

export function isEnabled(mechanism: Mechanism): boolean {
  return !disabled.has(mechanism);
}
