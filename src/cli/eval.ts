/**
 * `npm run eval`: retrieval and answer quality on a labelled question set, asked over a fresh
 * copy of its corpus (the work is in eval/runEval.ts).
 */
import { parseArgs } from 'node:util';
import type { CorpusChoice } from '../../eval/corpus.js';
import { formatReport, formatSideBySide } from '../../eval/evalReportText.js';
import { runEval, type EvalRun } from '../../eval/runEval.js';
import { withWorkDir } from '../../eval/workDir.js';
import { UserFacingError } from '../core/errors.js';
import { CORPUS_OPTIONS, corpusChoice, requireCorpus } from './corpusOptions.js';
import { runMain } from './runMain.js';

const USAGE = `Usage: npm run eval -- --docs DIR --questions FILE.jsonl [--k 10] [--json] [--verbose]
       npm run eval -- --squad FILE.json[.gz] [--drop-gold SHARE] [--limit N] [--k 10] [--json]
  --squad      a SQuAD-format file: one document per paragraph; each question expects its paragraph
  --drop-gold  leave this share (0-1) of paragraphs out, so their questions become unanswerable
  --limit      ask at most N questions (an even sample), for a quick run
  --json       one JSON object; it includes the answer gate's curve (wrongly declined against
               honest) as npm run calibrate fits it`;

interface EvalOptions {
  corpus: CorpusChoice;
  k: number;
  json: boolean;
  verbose: boolean;
}

/** The command line checked, or null when it asks for help. */
function parseOptions(): EvalOptions | null {
  const { values } = parseArgs({
    options: { ...CORPUS_OPTIONS, k: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return null;
  requireCorpus(values, USAGE);
  const k = values.k ? Number(values.k) : 10;
  if (!Number.isInteger(k) || k < 1) throw new UserFacingError('bad_usage', '--k must be a positive whole number');
  return { corpus: corpusChoice(values), k, json: Boolean(values.json), verbose: Boolean(values.verbose) };
}

function printRun(run: EvalRun): void {
  if (run.backends) console.log(formatSideBySide(run.backends));
  console.log(formatReport(run.report, run.meta));
  if (run.languages.length > 1) for (const lang of run.languages) console.log(`\n${formatReport(run.perLanguage[lang]!, { language: lang })}`);
  else console.log(`(all questions detected as ${run.languages[0]})`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) return void console.log(USAGE);
  const run = await withWorkDir('newsdesk-eval-', (workDir) => runEval(options.corpus, options.k, { verbose: options.verbose }, workDir));
  const { report, meta, perLanguage, badLines, gateCurve, backends } = run;
  if (options.json) console.log(JSON.stringify({ ...report, ...meta, perLanguage, badLines, gateCurve, ...(backends ? { backends } : {}) }));
  else printRun(run);
}

runMain('eval failed', main);
