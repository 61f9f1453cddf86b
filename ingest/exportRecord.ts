import type { StoredArticle } from '../src/core/ports/knowledgeStore.js';
import { decodeVector, encodeVector } from '../src/store/vectorCodec.js';

/** One line of `npm run export`. The field names are a contract: operators and checks read them. */
export interface ExportRecord {
  /** The file path or URL the article was ingested from. */
  source: string;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  language: string;
  /** The stored article text, paragraphs separated by blank lines. */
  body: string;
  comments: Array<{ author: string | null; published: string | null; text: string }>;
  /** How many passages the article was split into. */
  passages: number;
  /** Present (true) only for articles stored from a feed summary. */
  summaryOnly?: true;
  /**
   * Only with `npm run export -- --with-vectors`: the passages with their vectors (little-endian
   * float32, base64), so `npm run import` need not embed them again. A passage not embedded
   * yet has `vector: null`.
   */
  vectors?: ExportedVectors;
}

export interface ExportedVectors {
  model: string;
  dim: number;
  passages: Array<{ section: 'body' | 'comment'; text: string; vector: string | null }>;
}

export function vectorToBase64(vector: Float32Array): string {
  return encodeVector(vector).toString('base64');
}

/** A base64 vector back into floats; throws when it is not `dim` float32 values. */
export function vectorFromBase64(text: string, dim: number): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength !== dim * 4) throw new Error(`a vector has ${bytes.byteLength / 4} values, not ${dim}`);
  return decodeVector(bytes);
}

export function toExportRecord(article: StoredArticle): ExportRecord {
  return {
    source: article.location,
    url: article.url,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    published: article.published,
    language: article.language,
    body: article.body,
    comments: article.comments.map((c) => ({ author: c.author ?? null, published: c.published ?? null, text: c.text })),
    passages: article.passages,
    ...(article.summaryOnly ? { summaryOnly: true as const } : {}),
    ...(article.passageVectors
      ? {
          vectors: {
            model: article.passageVectors.model,
            dim: article.passageVectors.dim,
            passages: article.passageVectors.passages.map((p) => ({ section: p.section, text: p.text, vector: p.vector ? vectorToBase64(p.vector) : null })),
          },
        }
      : {}),
  };
}
