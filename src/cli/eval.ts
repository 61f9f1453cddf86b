import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEmbeddingsFromConfig, openStore, storeExists } from '../app/bootstrap.js';
import { loadConfig, type Config } from '../app/config.js';
import { sweepGate, type OperatingPoint } from '../core/calibration/operatingPoint.js';
import { askAll } from '../../eval/askAll.js';
import { parseDropGold, parseLimit, readCorpus, sample } from '../../eval/corpus.js';
import { curveToJson } from '../../eval/gateCurve.js';
import { computeReport, type EvalReport } from '../../eval/metrics.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const USAGE = `Usage: npm run eval -- --docs DIR --questions FILE.jsonl [--k 10] [--json] [--verbose]
       npm run eval -- --squad FILE.json[.gz] [--drop-gold SHARE] [--limit N] [--k 10] [--json]
  --squad      a SQuAD-format file: one document per paragraph; each question expects its paragraph
  --drop-gold  leave this share (0-1) of paragraphs out, so their questions become unanswerable
  --limit      ask at most N questions (an even sample), for a quick run
  --json       one JSON object; it includes the answer gate's curve (wrongly declined against
               honest) as npm run calibrate fits it`;

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
  const lines = [
    `Eval (${Object.entries(meta)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')})`,
    ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`),
  ];
  for (const q of r.perQuestion ?? []) lines.push(`  ${JSON.stringify(q)}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      questions: { type: 'string' },
      squad: { type: 'string' },
      'drop-gold': { type: 'string' },
      limit: { type: 'string' },
      k: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.squad && (!values.docs || !values.questions))
    throw new UserFacingError('bad_usage', `--docs and --questions are required (or --squad FILE). ${USAGE}`);
  const k = values.k ? Number(values.k) : 10;
  if (!Number.isInteger(k) || k < 1) throw new UserFacingError('bad_usage', '--k must be a positive whole number');
  const dropGold = parseDropGold(values['drop-gold']);
  const limit = parseLimit(values.limit);

  // A fresh data directory: the eval never touches the operator's store.
  const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
  try {
    const corpus = readCorpus({ squad: values.squad, dropGold, docs: values.docs, questions: values.questions }, workDir);
    const questions = sample(corpus.questions, limit);
    if (questions.length === 0) throw new UserFacingError('bad_usage', 'no valid questions to ask');
    const base = loadConfig();
    const embeddings = await loadEmbeddingsFromConfig(base); // loaded once, used by both backends
    // SQLite always; with DATABASE_URL also PostgreSQL (in a throwaway schema), side by side.
    const config = { ...base, databaseUrl: undefined, dataDir: join(workDir, 'data') };
    const operatingPoint = await storedOperatingPoint(base);
    const { summary, outcomes } = await askAll(config, embeddings, corpus.docsDir, questions, k, { operatingPoint });
    const postgresRun = base.databaseUrl
      ? await askAll({ ...base, dataDir: join(workDir, 'pg'), databaseSchema: `eval_${process.pid}_${Date.now()}` }, embeddings, corpus.docsDir, questions, k, {
          operatingPoint,
        })
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
      gate: operatingPoint ? `calibrated for ${operatingPoint.model ?? 'lexical'} (npm run calibrate)` : 'defaults',
      k,
    };
    const backends = postgresRun ? sideBySide(report, computeReport(postgresRun.outcomes)) : undefined;
    // The gate's curve over these questions, as `npm run calibrate` fits it (nothing is stored here).
    const gateCurve = curveToJson(sweepGate(outcomes.map((o) => o.gate)));
    if (values.json) console.log(JSON.stringify({ ...report, ...meta, perLanguage, badLines: corpus.badLines, gateCurve, ...(backends ? { backends } : {}) }));
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

/** The figures that tell whether PostgreSQL retrieves and answers like SQLite. */
function sideBySide(sqlite: EvalReport, postgres: EvalReport) {
  const pick = (r: EvalReport) => ({
    recallAt1: r.recallAt1,
    recallAt5: r.recallAt5,
    mrrAt10: r.mrrAt10,
    answerHit: r.answerHitRate,
    p50Ms: r.latencyMs.p50,
    p95Ms: r.latencyMs.p95,
  });
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

runMain('eval failed', main);
