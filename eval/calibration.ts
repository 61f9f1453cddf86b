import { join } from 'node:path';
import { loadEmbeddingsFromConfig, openStore } from '../src/app/bootstrap.js';
import type { Config } from '../src/app/config.js';
import { UserFacingError } from '../src/core/errors.js';
import { chooseOperatingPoint, sweepGate, type CurvePoint, type OperatingPoint } from '../src/core/calibration/operatingPoint.js';
import { askAll } from './askAll.js';
import { loadCorpus, type Corpus, type CorpusChoice } from './corpus.js';
import type { EvalQuestion } from './questions.js';

export interface Calibration {
  curve: CurvePoint[];
  chosen: CurvePoint;
  point: OperatingPoint;
  questions: EvalQuestion[];
}

/** The chosen corpus's questions to calibrate with: both answerable and unanswerable ones are needed. */
export function calibrationCorpus(choice: CorpusChoice, workDir: string): { corpus: Corpus; questions: EvalQuestion[] } {
  const { corpus, questions } = loadCorpus(choice, workDir);
  if (!questions.some((q) => q.unanswerable))
    throw new UserFacingError('bad_usage', 'no unanswerable questions: honesty cannot be measured (use --drop-gold, or mark questions "unanswerable": true)');
  if (!questions.some((q) => !q.unanswerable)) throw new UserFacingError('bad_usage', 'no answerable questions to calibrate with');
  return { corpus, questions };
}

/**
 * Asks every question with the loaded model over the corpus's own copy in `workDir`, sweeps
 * the answer gate's thresholds and picks the most honest point that wrongly declines at most
 * `maxDeclined` of the answerable questions.
 */
export async function fitOperatingPoint(
  config: Config,
  { corpus, questions }: { corpus: Corpus; questions: EvalQuestion[] },
  maxDeclined: number,
  workDir: string,
): Promise<Calibration> {
  const embeddings = await loadEmbeddingsFromConfig(config);
  const run = await askAll({ ...config, databaseUrl: undefined, dataDir: join(workDir, 'data') }, embeddings, corpus.docsDir, questions, 10);
  await embeddings.embeddings?.close();
  const curve = sweepGate(run.outcomes.map((o) => o.gate));
  const chosen = chooseOperatingPoint(curve, maxDeclined);
  const point: OperatingPoint = {
    minRelevance: chosen.minRelevance,
    minVectorMargin: chosen.minVectorMargin,
    model: run.vectorModel,
    questions: questions.length,
    wronglyDeclined: Number(chosen.wronglyDeclined.toFixed(4)),
    honest: Number(chosen.honest.toFixed(4)),
    fittedAt: new Date().toISOString(),
  };
  return { curve, chosen, point, questions };
}

/** Stores the operating point in the configured store, where ask, the bot and eval pick it up. */
export async function saveOperatingPoint(config: Config, point: OperatingPoint): Promise<void> {
  const store = await openStore(config);
  try {
    await store.saveCalibration({ operatingPoint: point });
  } finally {
    await store.close();
  }
}
