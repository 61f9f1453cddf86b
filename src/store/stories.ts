import type { EventCandidate, StoryInfo } from '../core/ports/knowledgeStore.js';

/**
 * Storage rules of stories told by several articles, written once for both backends. Every
 * document has a story id (`story_id`, one member's id: the first, or the oldest left when
 * that one goes). A near-identical copy (ingest/copies) is a document without passages whose
 * `copy_of` is its head (which holds the passages) and shares its head's story; a differently
 * written article about the same event (ingest/stories) is a head of its own in the same story.
 */

/** One member of a story as a backend reads it: the document, its story's id (`head`), its outlet (and, for a scoped read, whether a source of the scope brings it). */
export interface StoryMember {
  id: number;
  head: number;
  outlet: string | null;
  inScope?: boolean;
}

/**
 * The story of each asked document from the members of their stories: its id, how many
 * articles (copies and same-event articles), and the distinct outlets, the asked one's first.
 * Members read for a scope count only when in it, so a server never learns of an outlet
 * only another server's sources bring; a story with no member in scope is left out.
 */
export function storiesOf(documentIds: number[], members: StoryMember[]): Map<number, StoryInfo> {
  const byHead = new Map<number, StoryMember[]>();
  for (const member of members) if (member.inScope !== false) byHead.set(member.head, [...(byHead.get(member.head) ?? []), member]);
  const headOf = new Map(members.map((m) => [m.id, m.head]));
  const stories = new Map<number, StoryInfo>();
  for (const id of documentIds) {
    const head = headOf.get(id);
    const story = head === undefined ? undefined : byHead.get(head);
    if (head === undefined || !story) continue;
    const own = story.find((m) => m.id === id)?.outlet;
    const outlets = [...new Set([own, ...story.map((m) => m.outlet)].filter((o): o is string => Boolean(o)))];
    stories.set(id, { id: head, articles: story.length, outlets });
  }
  return stories;
}

/** How much of a stored body a candidate brings when its story terms were never computed (its headline and lead are what count). */
export const EVENT_LEAD_CHARS = 1500;

/** The mean vector of each document's passage vectors. */
export function meanVectors(rows: Array<{ documentId: number; vector: Float32Array }>): Map<number, Float32Array> {
  const sums = new Map<number, { sum: Float32Array; count: number }>();
  for (const { documentId, vector } of rows) {
    const entry = sums.get(documentId) ?? { sum: new Float32Array(vector.length), count: 0 };
    if (entry.sum.length !== vector.length) continue;
    for (let i = 0; i < vector.length; i++) entry.sum[i]! += vector[i]!;
    entry.count++;
    sums.set(documentId, entry);
  }
  return new Map([...sums].map(([id, { sum, count }]) => [id, sum.map((x) => x / count)]));
}

/**
 * A MinHash signature as stored (little-endian uint32s); none (a text too short to judge) is
 * stored as an empty value, so NULL keeps meaning "written before copies were recognised".
 */
export function encodeSignature(signature: Uint32Array | null): Buffer {
  if (!signature) return Buffer.alloc(0);
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => {
    buffer.writeUInt32LE(value, i * 4);
  });
  return buffer;
}

export function decodeSignature(stored: Uint8Array): Uint32Array {
  const buffer = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const signature = new Uint32Array(Math.floor(buffer.length / 4));
  for (let i = 0; i < signature.length; i++) signature[i] = buffer.readUInt32LE(i * 4);
  return signature;
}

/**
 * Estimated Jaccard similarity of 3-word shingles from which two articles are one story.
 * Measured (`node dist/src/cli/benchCopyJaccard.js`, docs/ingestion.md, "Copies of one story"): lightly edited
 * copies reach 0.84-1.0; the closest distinct texts found were two squad-it-dev paragraphs
 * that share three of four sentences but name different economists (0.66), then distinct
 * articles at 0.17. A copy is stored without passages, so text only it holds is not searched:
 * 0.8 keeps that share small (about a tenth of each text at most) and stands 3.3 standard
 * errors of the 128-value estimate (0.042) above 0.66. Missing a copy costs less than hiding a fact.
 */
export const COPY_JACCARD_THRESHOLD = 0.8;

/** The share of signature positions two MinHash signatures agree on: an unbiased estimate of their Jaccard similarity. */
export function signatureAgreement(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * The copies a head's rewrite leaves behind: those whose text no longer matches the head's new
 * text (or all of them when the head can no longer be judged, e.g. it fell back to a feed
 * summary). A copy holds no passages of its own, so keeping it under a head that says
 * something else would hide its text; detached, it is read again at its next ingest.
 */
export function copiesNoLongerMatching(headSignature: Uint32Array | null, copies: Array<{ id: number; signature: Uint32Array | null }>): number[] {
  return copies.filter((c) => !headSignature || !c.signature || signatureAgreement(headSignature, c.signature) < COPY_JACCARD_THRESHOLD).map((c) => c.id);
}

/** A story head as the window read returns it (ids as numbers or, from PostgreSQL, bigint strings). */
export interface EventCandidateRow {
  id: number | string;
  story_id: number | string;
  published: string;
  outlet: string | null;
  language: string;
  story_terms: string | null;
  story_start: string | null;
  story_end: string | null;
  title: string;
  lead: string;
}

/**
 * The window read of both backends, its parameters written by `param(i)` (SQLite `?`,
 * PostgreSQL `$i`): lead length, window start, window end, key left out, limit. A head's lead is
 * read only when its terms were never kept.
 */
export function eventCandidatesSql(param: (i: number) => string): string {
  return `SELECT id, coalesce(story_id, id) AS story_id, published, outlet, language, story_terms, title,
       (SELECT min(s.published) FROM documents s WHERE s.story_id = d.story_id) AS story_start,
       (SELECT max(s.published) FROM documents s WHERE s.story_id = d.story_id) AS story_end,
       CASE WHEN story_terms IS NULL THEN substr(coalesce(body, ''), 1, ${param(1)}) ELSE '' END AS lead
     FROM documents d WHERE published >= ${param(2)} AND published < ${param(3)} AND copy_of IS NULL AND doc_key <> ${param(4)}
     ORDER BY published DESC LIMIT ${param(5)}`;
}

export function eventCandidateFromRow(r: EventCandidateRow): EventCandidate {
  return {
    id: Number(r.id),
    storyId: Number(r.story_id),
    published: r.published,
    outlet: r.outlet,
    language: r.language,
    terms: r.story_terms,
    storyStart: r.story_start ?? r.published,
    storyEnd: r.story_end ?? r.published,
    title: r.title,
    lead: r.lead,
  };
}
