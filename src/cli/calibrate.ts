/**
 * `npm run calibrate`: fits the answer gate's thresholds for the loaded model on labelled
 * questions, prints the curve of answerable questions wrongly declined against unanswerable
 * ones honestly declined, and stores the chosen operating point in the configured store's
 * metadata, where `npm run ask`, the bot and `npm run eval` pick it up (ANSWER_MIN_RELEVANCE
 * and ANSWER_MIN_VECTOR_MARGIN override it). The fitting is in eval/calibration.ts.
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../app/config.js';
import { calibrationCorpus, fitOperatingPoint, saveOperatingPoint, type Calibration } from '../../eval/calibration.js';
import type { CorpusChoice } from '../../eval/corpus.js';
import { curveToJson, formatCurve } from '../../eval/gateCurve.js';
import { withWorkDir } from '../../eval/workDir.js';
import { UserFacingError } from '../core/errors.js';
import { CORPUS_OPTIONS, corpusChoice, requireCorpus } from './corpusOptions.js';
import { runMain } from './runMain.js';

const USAGE = `Usage: npm run calibrate -- --docs DIR --questions FILE.jsonl [--max-declined 0.05] [--dry-run] [--json]
       npm run calibrate -- --squad FILE.json[.gz] [--drop-gold 0.2] [--limit N] [--max-declined 0.05] [--dry-run] [--json]
  Asks every question with the loaded model (EMBEDDING_MODEL) over its own copy of the corpus,
  sweeps the answer gate's thresholds and keeps the most honest point that wrongly declines at
  most --max-declined of the answerable questions. The point is stored in the configured store
  (DATABASE_URL, else DATA_DIR) unless --dry-run. The questions must include unanswerable ones
  (--drop-gold leaves that share of SQuAD paragraphs out; default 0.2).`;

interface CalibrateOptions {
  corpus: CorpusChoice;
  maxDeclined: number;
  dryRun: boolean;
  json: boolean;
}

/** The command line checked, or null when it asks for help. */
function parseOptions(): CalibrateOptions | null {
  const { values } = parseArgs({
    options: {
      ...CORPUS_OPTIONS,
      'max-declined': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  requireCorpus(values, USAGE);
  const maxDeclined = values['max-declined'] === undefined ? 0.05 : Number(values['max-declined']);
  if (!(maxDeclined >= 0 && maxDeclined < 1)) throw new UserFacingError('bad_usage', '--max-declined must be a share between 0 and 1, e.g. 0.05');
  return { corpus: corpusChoice(values, 0.2), maxDeclined, dryRun: Boolean(values['dry-run']), json: Boolean(values.json) };
}

function printCalibration({ curve, chosen, point, questions }: Calibration, options: CalibrateOptions, config: Config): void {
  if (options.json) {
    const json = { curve: curveToJson(curve), chosen: curveToJson([chosen])[0], model: point.model, questions: questions.length, stored: !options.dryRun };
    return void console.log(JSON.stringify(json));
  }
  const where = options.dryRun ? 'not stored (--dry-run)' : `stored in ${config.databaseUrl ? 'the PostgreSQL store' : config.dataDir}`;
  const unanswerable = questions.filter((q) => q.unanswerable).length;
  console.log(`Answer gate for ${point.model ?? 'lexical retrieval (no model vectors in use)'}, ${questions.length} questions (${unanswerable} unanswerable):`);
  console.log(formatCurve(curve, chosen));
  console.log(`Chosen: the most honest point declining at most ${(options.maxDeclined * 100).toFixed(1)}% of answerable questions; ${where}.`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) return void console.log(USAGE);
  await withWorkDir('newsdesk-calibrate-', async (workDir) => {
    const corpus = calibrationCorpus(options.corpus, workDir);
    const config = loadConfig();
    const calibration = await fitOperatingPoint(config, corpus, options.maxDeclined, workDir);
    if (!options.dryRun) await saveOperatingPoint(config, calibration.point);
    printCalibration(calibration, options, config);
  });
}

runMain('calibrate failed', main);
