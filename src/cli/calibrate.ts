/**
 * `npm run calibrate`: fits the answer gate's thresholds for the loaded model on labelled
 * questions, prints the curve of answerable questions wrongly declined against unanswerable
 * ones honestly declined, and stores the chosen operating point in the configured store's
 * metadata, where `npm run ask`, the bot and `npm run eval` pick it up (ANSWER_MIN_RELEVANCE
 * and ANSWER_MIN_VECTOR_MARGIN override it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEmbeddingsFromConfig, openStore } from '../app/bootstrap.js';
import { loadConfig } from '../app/config.js';
import { chooseOperatingPoint, sweepGate, type OperatingPoint } from '../core/calibration/operatingPoint.js';
import { askAll } from '../../eval/askAll.js';
import { parseDropGold, parseLimit, readCorpus, sample } from '../../eval/corpus.js';
import { curveToJson, formatCurve } from '../../eval/gateCurve.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const USAGE = `Usage: npm run calibrate -- --docs DIR --questions FILE.jsonl [--max-declined 0.05] [--dry-run] [--json]
       npm run calibrate -- --squad FILE.json[.gz] [--drop-gold 0.2] [--limit N] [--max-declined 0.05] [--dry-run] [--json]
  Asks every question with the loaded model (EMBEDDING_MODEL) over its own copy of the corpus,
  sweeps the answer gate's thresholds and keeps the most honest point that wrongly declines at
  most --max-declined of the answerable questions. The point is stored in the configured store
  (DATABASE_URL, else DATA_DIR) unless --dry-run. The questions must include unanswerable ones
  (--drop-gold leaves that share of SQuAD paragraphs out; default 0.2).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      questions: { type: 'string' },
      squad: { type: 'string' },
      'drop-gold': { type: 'string' },
      limit: { type: 'string' },
      'max-declined': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.squad && (!values.docs || !values.questions))
    throw new UserFacingError('bad_usage', `--docs and --questions are required (or --squad FILE). ${USAGE}`);
  const maxDeclined = values['max-declined'] === undefined ? 0.05 : Number(values['max-declined']);
  if (!(maxDeclined >= 0 && maxDeclined < 1)) throw new UserFacingError('bad_usage', '--max-declined must be a share between 0 and 1, e.g. 0.05');
  const dropGold = parseDropGold(values['drop-gold'], 0.2);
  const limit = parseLimit(values.limit);

  const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-calibrate-'));
  try {
    const corpus = readCorpus({ squad: values.squad, dropGold, docs: values.docs, questions: values.questions }, workDir);
    const questions = sample(corpus.questions, limit);
    if (!questions.some((q) => q.unanswerable))
      throw new UserFacingError('bad_usage', 'no unanswerable questions: honesty cannot be measured (use --drop-gold, or mark questions "unanswerable": true)');
    if (!questions.some((q) => !q.unanswerable)) throw new UserFacingError('bad_usage', 'no answerable questions to calibrate with');
    const config = loadConfig();
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
    if (!values['dry-run']) {
      const store = await openStore(config);
      try {
        await store.saveCalibration({ operatingPoint: point });
      } finally {
        await store.close();
      }
    }
    const where = values['dry-run'] ? 'not stored (--dry-run)' : `stored in ${config.databaseUrl ? 'the PostgreSQL store' : config.dataDir}`;
    if (values.json)
      return void console.log(
        JSON.stringify({
          curve: curveToJson(curve),
          chosen: curveToJson([chosen])[0],
          model: point.model,
          questions: questions.length,
          stored: !values['dry-run'],
        }),
      );
    console.log(
      `Answer gate for ${point.model ?? 'lexical retrieval (no model vectors in use)'}, ${questions.length} questions (${questions.filter((q) => q.unanswerable).length} unanswerable):`,
    );
    console.log(formatCurve(curve, chosen));
    console.log(`Chosen: the most honest point declining at most ${(maxDeclined * 100).toFixed(1)}% of answerable questions; ${where}.`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

runMain('calibrate failed', main);
