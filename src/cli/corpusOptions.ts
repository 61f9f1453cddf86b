import { parseDropGold, parseLimit, type CorpusChoice } from '../../eval/corpus.js';
import { UserFacingError } from '../core/errors.js';

/** The options `npm run eval` and `npm run calibrate` share: which questions, over which articles. */
export const CORPUS_OPTIONS = {
  docs: { type: 'string' },
  questions: { type: 'string' },
  squad: { type: 'string' },
  'drop-gold': { type: 'string' },
  limit: { type: 'string' },
} as const;

interface CorpusValues {
  docs?: string;
  questions?: string;
  squad?: string;
  'drop-gold'?: string;
  limit?: string;
}

/** Either --squad, or both --docs and --questions, must be given. */
export function requireCorpus(values: CorpusValues, usage: string): void {
  if (!values.squad && (!values.docs || !values.questions))
    throw new UserFacingError('bad_usage', `--docs and --questions are required (or --squad FILE). ${usage}`);
}

/** The corpus options checked and parsed (--drop-gold defaults to `dropGoldDefault`). */
export function corpusChoice(values: CorpusValues, dropGoldDefault?: number): CorpusChoice {
  const dropGold = parseDropGold(values['drop-gold'], dropGoldDefault);
  const limit = parseLimit(values.limit);
  return { squad: values.squad, docs: values.docs, questions: values.questions, dropGold, limit };
}
