import { parseArgs } from 'node:util';
import { MECHANISMS, parseMechanisms } from '../../ingest/extract/mechanisms.js';
import { runArticleBenchmark } from '../../eval/extraction/articleBenchmark.js';
import { runCommentBenchmark } from '../../eval/extraction/commentBenchmark.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const USAGE = `Usage: npm run eval:extraction -- --dataset DIR [--worst 10] [--json] [--disable NAME,...]
  Runs the production ingestion over the article-extraction benchmark's pages and scores the
  stored article bodies with the benchmark's metric (4-token shingles, per-page normalised).
  --disable switches extraction mechanisms off, for an ablation: ${Object.keys(MECHANISMS).join(', ')}
       npm run eval:extraction -- --comments DIR [--worst 10] [--json]
  Runs it over a labelled comment benchmark (eval/comments/pages) and prints comment precision
  and recall, comments left in the body, comment-free pages given comments, and body F1.`;

interface ExtractionOptions {
  dataset?: string;
  comments?: string;
  json: boolean;
  worst: number;
}

/** The command line checked, or null when it asks for help. */
function parseOptions(): ExtractionOptions | null {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      worst: { type: 'string' },
      comments: { type: 'string' },
      json: { type: 'boolean' },
      disable: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const worst = Number(values.worst ?? 10);
  if (!Number.isInteger(worst) || worst < 0) throw new UserFacingError('bad_usage', '--worst must be a whole number');
  // Checked here, then handed to the extraction workers, which inherit the environment.
  parseMechanisms(values.disable);
  process.env.EXTRACTION_DISABLE = values.disable ?? '';
  return { dataset: values.dataset, comments: values.comments, json: Boolean(values.json), worst };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) return void console.log(USAGE);
  if (options.comments) return runCommentBenchmark(options.comments, options);
  if (!options.dataset) throw new UserFacingError('bad_usage', `--dataset or --comments is required. ${USAGE}`);
  await runArticleBenchmark(options.dataset, options);
}

runMain('eval:extraction failed', main);
