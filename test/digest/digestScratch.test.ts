import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { ingestFromConfig, openKnowledgeBase } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { composeDigest } from '../../src/core/digest/composeDigest.js';
import { formatDigest } from '../../src/core/digest/formatDigest.js';
import { requestedPeriod } from '../../src/core/digest/period.js';
import { knowledgeBaseSources } from '../../src/core/digest/topicMatch.js';
import { writeNewsEvents } from '../support/newsEventsCorpus.js';
import { tempDir } from '../support/tempDir.js';

it('scratch', async () => {
  const root = tempDir();
  const docs = join(root, 'docs');
  mkdirSync(docs);
  writeNewsEvents(docs);
  const config = loadConfig({ DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384', NEWS_SOURCES: docs, LOG_LEVEL: 'silent' });
  await ingestFromConfig(config);
  const kb = await openKnowledgeBase(config);
  for (const [since, until, topic] of [['2026-11-01', '2026-11-08', undefined], ['2026-11-01', '2026-11-08', 'Halvik dock strike'], ['2026-11-01', '2026-11-08', 'volcano ash airports'], ['2026-11-06', '2026-11-08', 'cycle lanes']] as const) {
    const digest = await composeDigest({ period: requestedPeriod({ sinceDay: since, untilDay: until, now: new Date(), timeZone: 'UTC' }), topic, language: 'en' }, knowledgeBaseSources(kb));
    console.log(formatDigest(digest));
  }
  await kb.store.close();
}, 60_000);
