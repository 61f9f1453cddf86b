import { ingestFromConfig, openKnowledgeBase } from '../src/app/bootstrap.js';
import type { Config } from '../src/app/config.js';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { IngestSummary } from '../ingest/summary.js';
import { createAnswerer } from '../src/llm/createAnswerer.js';
import { detectLanguage } from '../src/core/text/language.js';
import type { GateEvidence, OperatingPoint } from '../src/core/calibration/operatingPoint.js';
import type { QuestionOutcome } from './metrics.js';
import type { EvalQuestion } from './questions.js';

export interface BackendRun {
  summary: IngestSummary;
  outcomes: Array<QuestionOutcome & { language: string; gate: GateEvidence }>;
  /** The vector model answers used (null: lexical), which an operating point fitted on this run belongs to. */
  vectorModel: string | null;
}

/** Ingests the corpus into one backend and asks every question there. A PostgreSQL schema made for the run is dropped after it. */
export async function askAll(
  config: Config,
  embeddings: LoadedEmbeddings,
  docsDir: string,
  questions: EvalQuestion[],
  k: number,
  options: { operatingPoint?: OperatingPoint | null } = {},
): Promise<BackendRun> {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    const summary = await ingestFromConfig(config, { cliSources: [docsDir], embeddings, log });
    const answerer = await createAnswerer(config.llm, { log });
    const kb = await openKnowledgeBase(config, { embeddings, answerer, log });
    const outcomes: BackendRun['outcomes'] = [];
    try {
      // The operator's fitted gate (npm run calibrate) applies to the eval's copy of the corpus too.
      if (options.operatingPoint) await kb.store.saveCalibration({ operatingPoint: options.operatingPoint });
      for (const q of questions) {
        const started = performance.now();
        const answer = await kb.ask(q.question, { k });
        const latencyMs = performance.now() - started;
        outcomes.push({
          ...q,
          language: q.language ?? detectLanguage(q.question),
          retrieved: answer.passages.map((p) => [p.source, ...(p.url ? [p.url] : [])]),
          answerText: answer.answer,
          noAnswer: answer.noAnswer,
          cited: answer.citations.map((c) => [c.source, ...(c.url ? [c.url] : [])]),
          citationsRemoved: answer.removed?.filter((r) => r.marker !== null).length ?? 0,
          latencyMs,
          gate: { unanswerable: q.unanswerable, bestRelevance: answer.decision?.bestRelevance ?? 0, bestMargin: answer.decision?.bestMargin ?? null },
        });
      }
      const { embeddings: used } = await kb.vectorUse();
      return { summary, outcomes, vectorModel: used ? used.modelId : null };
    } finally {
      await kb.store.close();
    }
  } finally {
    // Also after a failed ingest: the throwaway schema never outlives the run.
    if (config.databaseUrl && config.databaseSchema) await dropSchema(config.databaseUrl, config.databaseSchema);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const { PgDatabase } = await import('../src/store/postgres/pgDatabase.js');
  const db = new PgDatabase(url);
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await db.close();
  }
}
