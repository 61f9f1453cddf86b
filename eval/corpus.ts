import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestions, type EvalQuestion } from './questions.js';
import { readSquad } from './squad.js';

/** A labelled question set and the folder of articles it is asked over. */
export interface Corpus {
  docsDir: string;
  questions: EvalQuestion[];
  badLines: Array<{ line: number; message: string }>;
  meta: Record<string, unknown>;
}

export function readQuestionsFile(path: string): { questions: EvalQuestion[]; errors: Corpus['badLines'] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  const { questions, errors } = parseQuestions(text);
  for (const e of errors) console.error(`${path}:${e.line}: ${e.message}`);
  return { questions, errors };
}

/** A SQuAD file becomes a folder of one text file per paragraph, ingested like any other. */
export function squadCorpus(path: string, dropGold: number, workDir: string): Corpus {
  const set = readSquad(path, dropGold);
  const docsDir = join(workDir, 'squad-docs');
  mkdirSync(docsDir);
  for (const doc of set.documents) writeFileSync(join(docsDir, doc.name), doc.text);
  return { docsDir, questions: set.questions, badLines: [], meta: { paragraphs: set.documents.length, droppedParagraphs: set.dropped } };
}

/** The corpus named by --squad, or by --docs with --questions. */
export function readCorpus(options: { squad?: string; dropGold: number; docs?: string; questions?: string }, workDir: string): Corpus {
  if (options.squad) return squadCorpus(options.squad, options.dropGold, workDir);
  const { questions, errors } = readQuestionsFile(options.questions!);
  return { docsDir: options.docs!, questions, badLines: errors, meta: {} };
}

/** Every ⌈n/limit⌉-th question: a sample spread over the whole set. */
export function sample<T>(items: T[], limit: number | undefined): T[] {
  if (!limit || items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

/** --drop-gold as a share in [0, 1]. */
export function parseDropGold(value: string | undefined, fallback = 0): number {
  const share = value === undefined ? fallback : Number(value);
  if (!(share >= 0 && share <= 1)) throw new Error('--drop-gold must be a share between 0 and 1, e.g. 0.2');
  return share;
}

/** --limit as a positive whole number, or undefined. */
export function parseLimit(value: string | undefined): number | undefined {
  const limit = value === undefined ? undefined : Number(value);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error('--limit must be a positive whole number');
  return limit;
}

/** Which questions to ask over which articles: a SQuAD file, or --docs with --questions; at most `limit` of them. */
export interface CorpusChoice {
  squad?: string;
  docs?: string;
  questions?: string;
  dropGold: number;
  limit?: number;
}

/** The chosen corpus, written into `workDir` when it needs writing, and the sample of its questions to ask. */
export function loadCorpus(choice: CorpusChoice, workDir: string): { corpus: Corpus; questions: EvalQuestion[] } {
  const corpus = readCorpus(choice, workDir);
  return { corpus, questions: sample(corpus.questions, choice.limit) };
}
