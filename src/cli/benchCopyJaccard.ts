/**
 * Measures what the copy detector's numbers rest on (ingest/copies/minhash.ts):
 *
 *   node dist/src/cli/benchCopyJaccard.js --squad squad-it-dev.json.gz --articles ground-truth.json
 *
 * Prints, for shingles of 2-5 words, the Jaccard similarity of distinct texts on one topic
 * (paragraphs of the same Wikipedia article in SQuAD), of distinct articles (the extraction
 * benchmark's ground-truth bodies) and of lightly edited copies of those articles generated
 * here (a line added; words changed; the last paragraph dropped); then, for the chosen
 * scheme, how far the MinHash estimate strays from the exact value, how often LSH banding
 * finds a copy and a distinct text, and the time one article's fingerprint takes.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { foldText, wordTokens } from '../core/text/normalize.js';
import { bandKeys, estimatedJaccard, exactJaccard, shingleHashes, signatureOf, SHINGLE_WORDS } from '../../ingest/copies/minhash.js';
import { COPY_JACCARD_THRESHOLD } from '../../ingest/copies/copyDetector.js';

function readJson(path: string): unknown {
  const bytes = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

/** A small deterministic generator (mulberry32), so every run edits the same words. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shinglesOf(text: string, size: number): Set<string> {
  const words = wordTokens(foldText(text));
  const set = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) set.add(words.slice(i, i + size).join(' '));
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

function quantiles(values: number[], countAbove = true): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3);
  const above = sorted.filter((v) => v >= COPY_JACCARD_THRESHOLD).length;
  return `n=${sorted.length}${countAbove ? ` >=${COPY_JACCARD_THRESHOLD}: ${above}` : ''} min ${sorted[0]!.toFixed(3)} p1 ${at(0.01)} p50 ${at(0.5)} p99 ${at(0.99)} p99.9 ${at(0.999)} max ${sorted[sorted.length - 1]!.toFixed(3)}`;
}

/** The light edits a republished wire story shows, applied to one article body. */
function editedCopy(body: string, kind: 'line' | 'words' | 'trimmed', n: number): string {
  const next = random(n * 7919 + body.length);
  const paragraphs = body.split(/\n+/).filter((p) => p.trim());
  if (kind === 'line') return [`Edition ${n}.`, ...paragraphs].join('\n\n');
  if (kind === 'trimmed') return [`Edition ${n}.`, ...paragraphs.slice(0, Math.max(1, paragraphs.length - 1))].join('\n\n');
  // About one word in 100 replaced, and a byline added.
  const words = paragraphs.join('\n\n').split(/ +/);
  for (let i = 0; i < words.length; i++) if (next() < 0.01) words[i] = `word${Math.floor(next() * 1000)}`;
  return [`By staff ${n}.`, words.join(' ')].join('\n\n');
}

function squadParagraphPairs(path: string, size: number): number[] {
  const data = readJson(path) as { data: Array<{ paragraphs: Array<{ context: string }> }> };
  const values: number[] = [];
  for (const article of data.data) {
    const sets = article.paragraphs.map((p) => shinglesOf(p.context, size));
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) values.push(jaccard(sets[i]!, sets[j]!));
  }
  return values;
}

function articleBodies(path: string): string[] {
  const truth = readJson(path) as Record<string, { articleBody: string }>;
  return Object.values(truth)
    .map((t) => t.articleBody)
    .filter((b) => wordTokens(b).length >= 50);
}

function report(squadPath: string, articlesPath: string): void {
  const bodies = articleBodies(articlesPath);
  for (const size of [2, 3, 4, 5]) {
    const sets = bodies.map((b) => shinglesOf(b, size));
    const distinct: number[] = [];
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) distinct.push(jaccard(sets[i]!, sets[j]!));
    console.log(`\n${size}-word shingles`);
    console.log(`  paragraphs of one Wikipedia article (squad-it-dev): ${quantiles(squadParagraphPairs(squadPath, size))}`);
    console.log(`  distinct articles (extraction benchmark):           ${quantiles(distinct)}`);
    for (const kind of ['line', 'words', 'trimmed'] as const) {
      const copies = bodies.map((b, i) => jaccard(sets[i]!, shinglesOf(editedCopy(b, kind, i + 1), size)));
      console.log(`  copies, edit "${kind}":${' '.repeat(30 - kind.length)}${quantiles(copies)}`);
    }
  }
  measureScheme(bodies);
}

/** The chosen scheme: estimate error, how often banding finds a pair, and the time per article. */
function measureScheme(bodies: string[]): void {
  console.log(`\nScheme: ${SHINGLE_WORDS}-word shingles, threshold ${COPY_JACCARD_THRESHOLD}`);
  const started = process.hrtime.bigint();
  const fingerprints = bodies.map((b) => {
    const shingles = shingleHashes(b);
    const signature = signatureOf(shingles);
    return { shingles, signature, bands: new Set(bandKeys(signature)) };
  });
  const perArticleMs = Number(process.hrtime.bigint() - started) / 1e6 / bodies.length;
  const words = bodies.reduce((sum, b) => sum + wordTokens(b).length, 0) / bodies.length;
  console.log(`  fingerprint (shingles, signature, band keys): ${perArticleMs.toFixed(3)} ms per article (mean ${words.toFixed(0)} words)`);
  let found = 0;
  let accepted = 0;
  const errors: number[] = [];
  bodies.forEach((b, i) => {
    for (const kind of ['line', 'words', 'trimmed'] as const) {
      const copy = shingleHashes(editedCopy(b, kind, i + 1));
      const signature = signatureOf(copy);
      errors.push(Math.abs(estimatedJaccard(signature, fingerprints[i]!.signature) - exactJaccard(copy, fingerprints[i]!.shingles)));
      if (bandKeys(signature).some((k) => fingerprints[i]!.bands.has(k))) found++;
      if (estimatedJaccard(signature, fingerprints[i]!.signature) >= COPY_JACCARD_THRESHOLD) accepted++;
    }
  });
  console.log(`  copies found by banding: ${found}/${bodies.length * 3}; accepted at the threshold: ${accepted}/${bodies.length * 3}`);
  console.log(`  |estimate - exact| on copies: ${quantiles(errors, false)}`);
  let falseCandidates = 0;
  let falseAccepted = 0;
  let pairs = 0;
  for (let i = 0; i < fingerprints.length; i++) {
    for (let j = i + 1; j < fingerprints.length; j++) {
      pairs++;
      if ([...fingerprints[i]!.bands].some((k) => fingerprints[j]!.bands.has(k))) falseCandidates++;
      if (estimatedJaccard(fingerprints[i]!.signature, fingerprints[j]!.signature) >= COPY_JACCARD_THRESHOLD) falseAccepted++;
    }
  }
  console.log(`  distinct article pairs sharing a band: ${falseCandidates}/${pairs}; accepted as copies: ${falseAccepted}/${pairs}`);
}

const { values } = parseArgs({ options: { squad: { type: 'string' }, articles: { type: 'string' } } });
if (!values.squad || !values.articles) {
  console.error('usage: node dist/src/cli/benchCopyJaccard.js --squad squad-it-dev.json.gz --articles ground-truth.json');
  process.exit(2);
}
report(values.squad, values.articles);
