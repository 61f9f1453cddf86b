import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from '../../src/core/errors.js';

/** What a report shows of a labelled article. */
export interface LabelledArticle {
  source: string;
  title: string;
  outlet: string | null;
  published: string | null;
  event: string;
}

/** A story-grouping dataset: `npm run export` lines, each with an `event` label. */
export interface StoryDataset {
  /** The lines as `npm run import` reads them (the importer ignores the `event` field). */
  lines: string[];
  /** By source (the key the store keeps an imported article under). */
  articles: Map<string, LabelledArticle>;
}

/** The dataset's articles file: `DIR/articles.jsonl`, or a .jsonl file given directly. */
export function datasetFile(path: string): string {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'articles.jsonl') : path;
  if (!existsSync(file)) throw new UserFacingError('bad_usage', `${file} does not exist`);
  return file;
}

/** Reads and checks a dataset: every line an object with a unique `source` and an `event`. */
export function readStoryDataset(path: string): StoryDataset {
  const lines = readFileSync(datasetFile(path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const articles = new Map<string, LabelledArticle>();
  lines.forEach((line, index) => {
    const record = parseLine(line, index + 1);
    if (articles.has(record.source)) throw new UserFacingError('bad_usage', `line ${index + 1}: source ${record.source} appears twice`);
    articles.set(record.source, record);
  });
  return { lines, articles };
}

function parseLine(line: string, lineNumber: number): LabelledArticle {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UserFacingError('bad_usage', `line ${lineNumber} is not JSON`);
  }
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const source = text(value.source);
  const event = text(value.event);
  if (!source || !event) throw new UserFacingError('bad_usage', `line ${lineNumber} needs "source" and "event"`);
  return { source, event, title: text(value.title) ?? '', outlet: text(value.outlet), published: text(value.published) };
}
