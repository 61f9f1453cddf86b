/**
 * `npm run eval:stories`: story grouping (issue 24) measured on a labelled set of articles,
 * imported into a fresh temporary store (the work is in eval/stories/).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { readStoryDataset } from '../../eval/stories/storyDataset.js';
import { runStoryEval } from '../../eval/stories/runStoryEval.js';
import { formatStoryReport } from '../../eval/stories/storyReportText.js';
import { storyVectors } from '../../eval/stories/storyVectors.js';
import { withWorkDir } from '../../eval/workDir.js';
import { UserFacingError } from '../core/errors.js';
import { runMain } from './runMain.js';

const USAGE = `Usage: npm run eval:stories -- --dataset DIR|FILE.jsonl [--vectors none|hashing|MODEL] [--worst 8] [--json]
  Imports a labelled article set (eval/stories: "npm run export" lines with an "event" label)
  into a fresh temporary store through the real import path, reads back the story the store
  gives each article, and prints pairwise and B-cubed precision and recall against the labels,
  with examples of wrongly merged and missed pairs.
  --vectors  none (default): lexical only; hashing: the built-in hashing embeddings;
             MODEL: a model id or local folder, loaded as EMBEDDING_MODEL would be (when it
             cannot be loaded the run says so and measures lexical-only)
  --worst    how many example pairs of each kind of error to print
  --json     the figures as one JSON object`;

interface StoryEvalOptions {
  dataset: string;
  vectors: string;
  worst: number;
  json: boolean;
}

/** The command line checked, or null when it asks for help. */
function parseOptions(): StoryEvalOptions | null {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      vectors: { type: 'string' },
      worst: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  if (!values.dataset) throw new UserFacingError('bad_usage', `--dataset is required. ${USAGE}`);
  const worst = Number(values.worst ?? 8);
  if (!Number.isInteger(worst) || worst < 0) throw new UserFacingError('bad_usage', '--worst must be a whole number');
  const vectors = values.vectors ?? 'none';
  if (vectors.trim() === '') throw new UserFacingError('bad_usage', '--vectors needs none, hashing or a model');
  return { dataset: values.dataset, vectors, worst, json: Boolean(values.json) };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) return void console.log(USAGE);
  const dataset = readStoryDataset(options.dataset);
  const vectors = await storyVectors(options.vectors, loadConfig());
  try {
    const report = await withWorkDir('newsdesk-stories-', (work) => runStoryEval(dataset, vectors, work, options.worst));
    console.log(options.json ? JSON.stringify(report) : formatStoryReport(report));
  } finally {
    await vectors.loaded.embeddings?.close();
  }
}

runMain('eval:stories failed', main);
