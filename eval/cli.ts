import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFromConfig, loadEmbeddingsFromConfig, openKnowledgeBase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createAnswererFromConfig } from '../src/llm/createAnswerer.js';
import { computeReport, type EvalReport, type QuestionOutcome } from './metrics.js';
import { parseQuestions } from './questions.js';

const USAGE = 'Usage: npm run eval -- --docs DIR --questions FILE.jsonl [--k 10] [--json] [--verbose]';

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { docs: { type: 'string' }, questions: { type: 'string' }, k: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.docs || !values.questions) throw new Error(`--docs and --questions are required. ${USAGE}`);
  const k = values.k ? Number(values.k) : 10;
  if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive whole number');

  let text: string;
  try {
    text = readFileSync(values.questions, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${values.questions} (${(error as NodeJS.ErrnoException).code})`);
  }
  const { questions, errors } = parseQuestions(text);
  for (const e of errors) console.error(`${values.questions}:${e.line}: ${e.message}`);
  if (questions.length === 0) throw new Error(`no valid questions in ${values.questions}`);

  // A fresh data directory: the eval never touches the operator's store.
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
  try {
    const config = { ...loadConfig(), dataDir };
    const embeddings = await loadEmbeddingsFromConfig(config);
    const log = (m: string) => process.stderr.write(`${m}\n`);
    const summary = await ingestFromConfig(config, { cliSources: [values.docs], embeddings, log });
    const answerer = createAnswererFromConfig(config, { log });
    const kb = await openKnowledgeBase(config, { embeddings, answerer, log });
    const outcomes: QuestionOutcome[] = [];
    for (const q of questions) {
      const started = performance.now();
      const answer = await kb.ask(q.question, { k });
      const latencyMs = performance.now() - started;
      outcomes.push({
        ...q,
        retrieved: answer.passages.map((p) => [p.source, ...(p.url ? [p.url] : [])]),
        answerText: answer.answer,
        noAnswer: answer.noAnswer,
        cited: answer.citations.map((c) => [c.source, ...(c.url ? [c.url] : [])]),
        citationsRemoved: answer.removed?.filter((r) => r.marker !== null).length ?? 0,
        latencyMs,
      });
    }
    kb.store.close();
    const report = computeReport(outcomes, { verbose: values.verbose });
    const meta = {
      articles: summary.totalArticles,
      passages: summary.totalPassages,
      model: embeddings.status.available ? embeddings.status.model : `${embeddings.status.model} (not loaded: lexical only)`,
      answers: config.llm.provider === 'none' ? 'extractive' : `llm:${config.llm.provider}`,
      k,
    };
    if (values.json) console.log(JSON.stringify({ ...report, ...meta, badLines: errors }));
    else console.log(formatReport(report, meta));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`eval failed: ${error.message}`);
  process.exit(1);
});
