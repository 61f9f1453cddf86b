import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { detectLanguage } from '../src/core/text/language.js';
import type { EvalQuestion } from './questions.js';

/** One paragraph of a SQuAD file as an article: the title line, a blank line, the context. */
export interface SquadDocument {
  name: string;
  text: string;
}

export interface SquadSet {
  /** Language of the set, detected from its questions together (single questions are too short to be sure of). */
  language: string;
  documents: SquadDocument[];
  questions: EvalQuestion[];
  /** Paragraphs left out of the corpus by --drop-gold (their questions became unanswerable). */
  dropped: number;
}

interface SquadFile {
  data: Array<{
    title?: string;
    paragraphs?: Array<{ context: string; qas: Array<{ id: string; question: string; answers?: Array<{ text: string }>; is_impossible?: boolean }> }>;
  }>;
}

/** Deterministic share in [0, 1) for an id, so --drop-gold picks the same paragraphs every run. */
function unitHash(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32;
}

function fileName(title: string, index: number): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '_')
      .slice(0, 60) || 'article';
  return `${slug}-${String(index).padStart(4, '0')}.txt`;
}

/**
 * Reads a SQuAD-format file (optionally gzip-compressed): one document per paragraph, each
 * question expecting its own paragraph, any of its answer texts counting as a hit. With
 * `dropGoldShare`, that share of paragraphs is left out of the corpus and their questions
 * become unanswerable: the corpus no longer holds their answer.
 */
export function readSquad(path: string, dropGoldShare = 0): SquadSet {
  if (!(dropGoldShare >= 0 && dropGoldShare <= 1)) throw new Error('--drop-gold must be a share between 0 and 1');
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  const text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  let squad: SquadFile;
  try {
    squad = JSON.parse(text) as SquadFile;
  } catch (error) {
    throw new Error(`${path} is not SQuAD JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(squad?.data)) throw new Error(`${path} is not SQuAD JSON (no "data" list)`);
  const documents: SquadDocument[] = [];
  const questions: EvalQuestion[] = [];
  let dropped = 0;
  let index = 0;
  for (const article of squad.data) {
    for (const paragraph of article.paragraphs ?? []) {
      const title = article.title ?? '';
      const name = fileName(title, index++);
      const drop = unitHash(name) < dropGoldShare;
      if (drop) dropped++;
      else documents.push({ name, text: `${title ? `${title.replace(/_/g, ' ')}\n\n` : ''}${paragraph.context}\n` });
      for (const qa of paragraph.qas ?? []) {
        const answers = [...new Set((qa.answers ?? []).map((a) => a.text.trim()).filter(Boolean))];
        const unanswerable = drop || qa.is_impossible === true || answers.length === 0;
        questions.push({ id: qa.id, question: qa.question, expectedSources: unanswerable ? [] : [name], answers: unanswerable ? [] : answers, unanswerable });
      }
    }
  }
  const language = detectLanguage(
    questions
      .slice(0, 200)
      .map((q) => q.question)
      .join('\n'),
  );
  return { language, documents, questions: questions.map((q) => ({ ...q, language })), dropped };
}
