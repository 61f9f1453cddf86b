import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFromConfig, loadEmbeddingsFromConfig, openKnowledgeBase } from '../src/bootstrap.js';
import { loadConfig, type Config } from '../src/config.js';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { IngestSummary } from '../ingest/summary.js';
import { createAnswererFromConfig } from '../src/llm/createAnswerer.js';
import { computeReport, type EvalReport, type QuestionOutcome } from './metrics.js';
import { parseQuestions, type EvalQuestion } from './questions.js';
import { readSquad } from './squad.js';
import { detectLanguage } from '../src/core/text/language.js';

const USAGE = `Usage: npm run eval -- --docs DIR --questions FILE.jsonl [--k 10] [--json] [--verbose]
       npm run eval -- --squad FILE.json[.gz] [--drop-gold SHARE] [--limit N] [--k 10] [--json]
  --squad      a SQuAD-format file: one document per paragraph; each question expects its paragraph
  --drop-gold  leave this share (0-1) of paragraphs out, so their questions become unanswerable
  --limit      ask at most N questions (an even sample), for a quick run`;

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? 'n/a' : v.toFixed(digits));

function formatReport(r: EvalReport, meta: Record<string, unknown>): string {
  const rows: Array<[string, string]> = [
    ['questions', String(r.questions)],
    ['recall@1 (source)', pct(r.recallAt1)],
    ['recall@5 (source)', pct(r.recallAt5)],
    ['recall@10 (source)', pct(r.recallAt10)],
    ['MRR@10', num(r.mrrAt10)],
    ['answer hit rate', pct(r.answerHitRate)],
    ['citation precision', pct(r.citationPrecision)],
    ['unanswerable: honest no-answer', pct(r.unanswerableHonestRate)],
    ['answerable: wrongly declined', pct(r.answerableWronglyDeclinedRate)],
    ['citations removed by checker', pct(r.citationsRemovedShare)],
    ['latency p50 / p95', `${num(r.latencyMs.p50, 1)} ms / ${num(r.latencyMs.p95, 1)} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [`Eval (${Object.entries(meta).map(([k, v]) => `${k}: ${v}`).join(', ')})`, ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`)];
  for (const q of r.perQuestion ?? []) lines.push(`  ${JSON.stringify(q)}`);
  return lines.join('\n');
}

interface Corpus {
  docsDir: string;
  questions: EvalQuestion[];
  badLines: Array<{ line: number; message: string }>;
  meta: Record<string, unknown>;
}

function readQuestionsFile(path: string): { questions: EvalQuestion[]; errors: Corpus['badLines'] } {
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
function squadCorpus(path: string, dropGold: number, workDir: string): Corpus {
  const set = readSquad(path, dropGold);
  const docsDir = join(workDir, 'squad-docs');
  mkdirSync(docsDir);
  for (const doc of set.documents) writeFileSync(join(docsDir, doc.name), doc.text);
  return { docsDir, questions: set.questions, badLines: [], meta: { paragraphs: set.documents.length, droppedParagraphs: set.dropped } };
}

/** Every ⌈n/limit⌉-th question: a sample spread over the whole set. */
function sample<T>(items: T[], limit: number | undefined): T[] {
  if (!limit || items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' }, questions: { type: 'string' }, squad: { type: 'string' }, 'drop-gold': { type: 'string' }, limit: { type: 'string' },
      k: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.squad && (!values.docs || !values.questions)) throw new Error(`--docs and --questions are required (or --squad FILE). ${USAGE}`);
  const k = values.k ? Number(values.k) : 10;
  if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive whole number');
  const dropGold = values['drop-gold'] === undefined ? 0 : Number(values['drop-gold']);
  if (!(dropGold >= 0 && dropGold <= 1)) throw new Error('--drop-gold must be a share between 0 and 1, e.g. 0.2');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error('--limit must be a positive whole number');

  // A fresh data directory: the eval never touches the operator's store.
  const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
  try {
    let corpus: Corpus;
    if (values.squad) {
      corpus = squadCorpus(values.squad, dropGold, workDir);
    } else {
      const { questions, errors } = readQuestionsFile(values.questions!);
      corpus = { docsDir: values.docs!, questions, badLines: errors, meta: {} };
    }
    const questions = sample(corpus.questions, limit);
    if (questions.length === 0) throw new Error('no valid questions to ask');
    const base = loadConfig();
    const embeddings = await loadEmbeddingsFromConfig(base); // loaded once, used by both backends
    // SQLite always; with DATABASE_URL also PostgreSQL (in a throwaway schema), side by side.
    const config = { ...base, databaseUrl: undefined, dataDir: join(workDir, 'data') };
    const { summary, outcomes } = await runBackend(config, embeddings, corpus.docsDir, questions, k);
    const postgresRun = base.databaseUrl
      ? await runBackend({ ...base, dataDir: join(workDir, 'pg'), databaseSchema: `eval_${process.pid}_${Date.now()}` }, embeddings, corpus.docsDir, questions, k)
      : null;
    const report = computeReport(outcomes, { verbose: values.verbose });
    const languages = [...new Set(outcomes.map((o) => o.language))].sort();
    const perLanguage = Object.fromEntries(languages.map((lang) => [lang, computeReport(outcomes.filter((o) => o.language === lang))]));
    const meta = {
      ...corpus.meta,
      articles: summary.totalArticles,
      passages: summary.totalPassages,
      model: embeddings.status.available ? embeddings.status.model : `${embeddings.status.model} (not loaded: lexical only)`,
      answers: config.llm.provider === 'none' ? 'extractive' : `llm:${config.llm.provider}`,
      k,
    };
    const backends = postgresRun ? sideBySide(report, computeReport(postgresRun.outcomes)) : undefined;
    if (values.json) console.log(JSON.stringify({ ...report, ...meta, perLanguage, badLines: corpus.badLines, ...(backends ? { backends } : {}) }));
    else {
      if (backends) console.log(formatSideBySide(backends));
      console.log(formatReport(report, meta));
      if (languages.length > 1) for (const lang of languages) console.log(`\n${formatReport(perLanguage[lang]!, { language: lang })}`);
      else console.log(`(all questions detected as ${languages[0]})`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

interface BackendRun {
  summary: IngestSummary;
  outcomes: Array<QuestionOutcome & { language: string }>;
}

/** Ingests the corpus into one backend and asks every question there. A PostgreSQL schema made for the run is dropped after it. */
async function runBackend(config: Config, embeddings: LoadedEmbeddings, docsDir: string, questions: EvalQuestion[], k: number): Promise<BackendRun> {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    const summary = await ingestFromConfig(config, { cliSources: [docsDir], embeddings, log });
    const answerer = await createAnswererFromConfig(config, { log });
    const kb = await openKnowledgeBase(config, { embeddings, answerer, log });
    const outcomes: BackendRun['outcomes'] = [];
    try {
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
        });
      }
    } finally {
      await kb.store.close();
    }
    return { summary, outcomes };
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

/** The figures that tell whether PostgreSQL retrieves and answers like SQLite. */
function sideBySide(sqlite: EvalReport, postgres: EvalReport) {
  const pick = (r: EvalReport) => ({ recallAt1: r.recallAt1, recallAt5: r.recallAt5, mrrAt10: r.mrrAt10, answerHit: r.answerHitRate, p50Ms: r.latencyMs.p50, p95Ms: r.latencyMs.p95 });
  return { sqlite: pick(sqlite), postgres: pick(postgres) };
}

function formatSideBySide(b: ReturnType<typeof sideBySide>): string {
  const rows = Object.keys(b.sqlite).map((key) => {
    const s = b.sqlite[key as keyof typeof b.sqlite];
    const p = b.postgres[key as keyof typeof b.postgres];
    return `${key.padEnd(10)} ${String(s === null ? '-' : Number(s).toFixed(3)).padStart(8)} ${String(p === null ? '-' : Number(p).toFixed(3)).padStart(10)}`;
  });
  return ['backend        sqlite postgresql', ...rows, ''].join('\n');
}

main().catch((error: Error) => {
  console.error(`eval failed: ${error.message}`);
  process.exit(1);
});
