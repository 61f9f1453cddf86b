import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { openKnowledgeBase, storeExists } from '../app/bootstrap.js';
import { formatAnswer } from '../core/answer/format.js';
import { createAnswerer } from '../llm/createAnswerer.js';
import { parseDateOption } from './dateOption.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const USAGE = `Usage: npm run ask -- [--json] [--k 8] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--recent] "question"`;

interface AskOptions {
  question: string;
  json: boolean;
  k: number | undefined;
  since: string | undefined;
  until: string | undefined;
  recent: boolean;
}

/** The command line checked, or null when it asks for help. */
async function parseOptions(): Promise<AskOptions | null> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      k: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      recent: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const since = await parseDateOption('--since', values.since);
  const until = await parseDateOption('--until', values.until);
  if (since && until && since > until) throw new UserFacingError('bad_usage', `--since ${since} is after --until ${until}`);
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50))
    throw new UserFacingError('bad_usage', `--k "${values.k}" must be a whole number from 1 to 50`);
  return { question: positionals.join(' '), json: Boolean(values.json), k, since, until, recent: Boolean(values.recent) };
}

async function main(): Promise<void> {
  const options = await parseOptions();
  if (!options) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  if (!(await storeExists(config))) {
    throw new UserFacingError('store_empty', `No news has been ingested into ${config.dataDir} yet. Run "npm run ingest" first.`);
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const kb = await openKnowledgeBase(config, { log, answerer: await createAnswerer(config.llm, { log }) });
  try {
    const { k, since, until } = options;
    const answer = await kb.ask(options.question, { k, since, until, recencyHalfLifeDays: options.recent ? 30 : undefined });
    if (options.json) {
      const { answer: text, citations, passages, ...rest } = answer;
      const limitations = await kb.limitations();
      console.log(JSON.stringify({ answer: text, citations, passages, ...rest, limitations }));
    } else {
      console.log(formatAnswer(answer));
    }
  } finally {
    await kb.store.close();
  }
}

runMain('ask failed', main);
