import { join } from 'node:path';
import { loadEmbeddingsFromConfig, openStore, storeExists } from '../src/app/bootstrap.js';
import { loadConfig, type Config } from '../src/app/config.js';
import { UserFacingError } from '../src/core/errors.js';
import { sweepGate, type OperatingPoint } from '../src/core/calibration/operatingPoint.js';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import { askAll } from './askAll.js';
import { loadCorpus, type Corpus, type CorpusChoice } from './corpus.js';
import { curveToJson } from './gateCurve.js';
import { computeReport, type EvalReport } from './metrics.js';
import type { EvalQuestion } from './questions.js';

export interface EvalRun {
  report: EvalReport;
  /** What was evaluated how: the corpus's own figures, its size, the model, answers, gate and k. */
  meta: Record<string, unknown>;
  languages: string[];
  perLanguage: Record<string, EvalReport>;
  badLines: Corpus['badLines'];
  /** The gate's curve over these questions, as `npm run calibrate` fits it (nothing is stored here). */
  gateCurve: ReturnType<typeof curveToJson>;
  /** With DATABASE_URL: PostgreSQL's figures beside SQLite's. */
  backends?: SideBySide;
}

/**
 * Ingests the chosen corpus into a fresh store in `workDir` and asks every question: SQLite
 * always; with DATABASE_URL also PostgreSQL (in a throwaway schema), side by side.
 */
export async function runEval(choice: CorpusChoice, k: number, options: { verbose?: boolean }, workDir: string): Promise<EvalRun> {
  const { corpus, questions } = loadCorpus(choice, workDir);
  if (questions.length === 0) throw new UserFacingError('bad_usage', 'no valid questions to ask');
  const base = loadConfig();
  const embeddings = await loadEmbeddingsFromConfig(base); // loaded once, used by both backends
  const config = { ...base, databaseUrl: undefined, dataDir: join(workDir, 'data') };
  const operatingPoint = await storedOperatingPoint(base);
  const { summary, outcomes } = await askAll(config, embeddings, corpus.docsDir, questions, k, { operatingPoint });
  const postgresReport = base.databaseUrl ? await postgresEval(base, embeddings, corpus.docsDir, questions, k, operatingPoint, workDir) : null;
  const report = computeReport(outcomes, { verbose: options.verbose });
  const languages = [...new Set(outcomes.map((o) => o.language))].sort();
  const perLanguage = Object.fromEntries(languages.map((lang) => [lang, computeReport(outcomes.filter((o) => o.language === lang))]));
  const meta = {
    ...corpus.meta,
    articles: summary.totalArticles,
    passages: summary.totalPassages,
    model: embeddings.status.available ? embeddings.status.model : `${embeddings.status.model} (not loaded: lexical only)`,
    answers: config.llm.provider === 'none' ? 'extractive' : `llm:${config.llm.provider}`,
    gate: operatingPoint ? `calibrated for ${operatingPoint.model ?? 'lexical'} (npm run calibrate)` : 'defaults',
    k,
  };
  const backends = postgresReport ? sideBySide(report, postgresReport) : undefined;
  const gateCurve = curveToJson(sweepGate(outcomes.map((o) => o.gate)));
  return { report, meta, languages, perLanguage, badLines: corpus.badLines, gateCurve, backends };
}

/** The same questions on PostgreSQL, in a schema made for this run. */
async function postgresEval(
  base: Config,
  embeddings: LoadedEmbeddings,
  docsDir: string,
  questions: EvalQuestion[],
  k: number,
  operatingPoint: OperatingPoint | null,
  workDir: string,
): Promise<EvalReport> {
  const config = { ...base, dataDir: join(workDir, 'pg'), databaseSchema: `eval_${process.pid}_${Date.now()}` };
  return computeReport((await askAll(config, embeddings, docsDir, questions, k, { operatingPoint })).outcomes);
}

/** The operating point `npm run calibrate` stored in the configured store, if any. */
async function storedOperatingPoint(config: Config): Promise<OperatingPoint | null> {
  if (!(await storeExists(config))) return null;
  const store = await openStore(config);
  try {
    return (await store.calibration()).operatingPoint;
  } finally {
    await store.close();
  }
}

type BackendFigures = Pick<EvalReport, 'recallAt1' | 'recallAt5' | 'mrrAt10'> & { answerHit: number | null; p50Ms: number | null; p95Ms: number | null };
export type SideBySide = { sqlite: BackendFigures; postgres: BackendFigures };

/** The figures that tell whether PostgreSQL retrieves and answers like SQLite. */
function sideBySide(sqlite: EvalReport, postgres: EvalReport): SideBySide {
  const pick = (r: EvalReport): BackendFigures => ({
    recallAt1: r.recallAt1,
    recallAt5: r.recallAt5,
    mrrAt10: r.mrrAt10,
    answerHit: r.answerHitRate,
    p50Ms: r.latencyMs.p50,
    p95Ms: r.latencyMs.p95,
  });
  return { sqlite: pick(sqlite), postgres: pick(postgres) };
}
