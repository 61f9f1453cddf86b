import type { DocumentRecord, ExtractedComment } from '../core/types.js';

/** A `documents` row as both SQL backends store it (SQLite gives numbers, PostgreSQL bigint strings and booleans). */
export interface DocumentRow {
  id: number | string;
  doc_key: string;
  source_id: string;
  raw_hash: string;
  content_hash: string;
  extractor_version: number;
  title: string;
  outlet: string | null;
  published: string | null;
  language: string;
  url: string | null;
  source: string;
  location: string;
  author: string | null;
  ingested_at: string;
  updated_at: string;
  summary_only?: number | boolean;
}

/**
 * The `documents` columns a DocumentRow needs, qualified by alias `d`. Hydrating passages
 * names them instead of `d.*`, which would also read every hit's whole article body and
 * comments (schema v2) only to drop them.
 */
export const DOCUMENT_ROW_COLUMNS = [
  'id',
  'doc_key',
  'source_id',
  'raw_hash',
  'content_hash',
  'extractor_version',
  'title',
  'outlet',
  'published',
  'language',
  'url',
  'source',
  'location',
  'author',
  'ingested_at',
  'updated_at',
  'summary_only',
]
  .map((c) => `d.${c}`)
  .join(', ');

export function toDocument(row: DocumentRow): DocumentRecord & { extractorVersion: number } {
  return {
    id: Number(row.id),
    key: row.doc_key,
    sourceId: row.source_id,
    rawHash: row.raw_hash,
    contentHash: row.content_hash,
    extractorVersion: row.extractor_version,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    language: row.language,
    url: row.url,
    source: row.source,
    location: row.location,
    author: row.author,
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    summaryOnly: row.summary_only === 1 || row.summary_only === true,
  };
}

/** Stored reader comments (JSON); unreadable or missing ones read as none rather than failing an export. */
export function parseComments(stored: string | null): ExtractedComment[] {
  try {
    return stored ? (JSON.parse(stored) as ExtractedComment[]) : [];
  } catch {
    return [];
  }
}
