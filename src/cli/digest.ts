import { parseArgs } from 'node:util';
import { openKnowledgeBase, storeExists } from '../app/bootstrap.js';
import { loadConfig } from '../app/config.js';
import { composeDigest } from '../core/digest/composeDigest.js';
import { formatDigest } from '../core/digest/formatDigest.js';
import { requestedPeriod } from '../core/digest/period.js';
import { knowledgeBaseSources } from '../core/digest/topicMatch.js';
import { withSummaries } from '../core/digest/summaries.js';
import { createDigestSummarizer } from '../llm/createDigestSummarizer.js';
import { UserFacingError } from '../core/errors.js';
import { questionLanguage } from '../core/knowledgeBase.js';
import { parseDateOption } from './dateOption.js';
import { runMain } from './runMain.js';

const USAGE = 'Usage: npm run digest -- [--topic "text"] [--since YYYY-MM-DD|"3 days ago"] [--until YYYY-MM-DD] [--json]';

interface DigestOptions {
  topic: string | undefined;
  since: string | undefined;
  until: string | undefined;
  json: boolean;
}

/** The command line checked, or null when it asks for help. */
async function parseOptions(): Promise<DigestOptions | null> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const since = await parseDateOption('--since', values.since);
  const until = await parseDateOption('--until', values.until);
  if (since && until && since > until) throw new UserFacingError('bad_usage', `--since ${since} is after --until ${until}`);
  const topic = values.topic?.trim() || undefined;
  return { topic, since, until, json: Boolean(values.json) };
}

/**
 * `npm run digest`: the main stories of a period over every stored article (the global scope),
 * as /digest posts them: one line per story, then the numbered sources. Days are UTC days.
 */
async function main(): Promise<void> {
  const options = await parseOptions();
  if (!options) return console.log(USAGE);
  const config = loadConfig();
  if (!(await storeExists(config))) {
    throw new UserFacingError('store_empty', `No news has been ingested into ${config.dataDir} yet. Run "npm run ingest" first.`);
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const summarizer = await createDigestSummarizer(config.llm, { log });
  const kb = await openKnowledgeBase(config, { log });
  try {
    const period = requestedPeriod({ sinceDay: options.since, untilDay: options.until, now: new Date(), timeZone: 'UTC' });
    const language = options.topic ? questionLanguage(options.topic) : 'en';
    const offline = await composeDigest({ period, topic: options.topic, language, timeZone: 'UTC' }, knowledgeBaseSources(kb));
    const digest = await withSummaries(offline, summarizer, log);
    if (!options.json) return console.log(formatDigest(digest));
    const { stories, sinceDay, untilDay, topic, mode, notes } = digest;
    const since = period.since.toISOString();
    console.log(JSON.stringify({ since, until: period.until.toISOString(), sinceDay, untilDay, topic, mode, notes, stories, text: formatDigest(digest) }));
  } finally {
    await kb.store.close();
  }
}

runMain('digest failed', main);
