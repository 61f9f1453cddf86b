import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { formatAnswer } from '../../src/core/answer/format.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { ARTICLES } from '../support/articles.js';
import { loaded, unavailable } from '../support/countingEmbeddings.js';
import { suiteTempDir } from '../support/tempDir.js';
import { TranslationEmbeddings } from '../support/translationEmbeddings.js';

const embeddings = new TranslationEmbeddings([
  ['wage increase', 'pay rise', 'Lohnerhöhung', 'aumento salariale'],
  ['stations', 'stazioni'],
]);
let withVectors: { store: SqliteStore; kb: KnowledgeBase };
let lexicalOnly: { store: SqliteStore; kb: KnowledgeBase };

async function build(name: string, model: ReturnType<typeof loaded> | ReturnType<typeof unavailable>) {
  const root = suiteTempDir(`xl-${name}-`);
  const docs = join(root, 'docs');
  mkdirSync(docs);
  for (const [file, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, file), text);
  await ingest({ dataDir: join(root, 'data'), sources: [parseLocation(docs)], embeddings: model, fetchTimeoutMs: 1000, maxArticleBytes: 1e6 });
  const store = SqliteStore.open(join(root, 'data'));
  return { store, kb: new KnowledgeBase({ store, embeddings: model.embeddings, embeddingStatus: model.status }) };
}

beforeAll(async () => {
  withVectors = await build('vectors', loaded(embeddings));
  lexicalOnly = await build('lexical', unavailable());
});
afterAll(() => {
  withVectors.store.close();
  lexicalOnly.store.close();
});

describe('questions in another language than the articles', () => {
  it('are answered from vectors: the sentence that means the same is quoted and says its language', async () => {
    const strike = await withVectors.kb.ask('What pay rise does the GDL union demand?');
    expect(strike.noAnswer).toBe(false);
    expect(strike.citations[0]!.source).toBe('bahn.txt');
    expect(strike.answer).toMatch(/Lohnerhöhung von 8,5 Prozent\. \(German\) \[1\]/);
    const metro = await withVectors.kb.ask("How many stations will Turin's metro line 2 have?");
    expect(metro.answer).toMatch(/13 stazioni\. \(Italian\) \[1\]/);
  });

  it('are answered in Italian from a German article they share no word with, and only through the vectors', async () => {
    const question = 'Quale aumento salariale chiedono i macchinisti?';
    const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu));
    const articleWords = words(ARTICLES['bahn.txt']!);
    expect([...words(question)].filter((word) => articleWords.has(word))).toEqual([]);
    const inItalian = await withVectors.kb.ask(question);
    expect(inItalian.citations[0]!.source).toBe('bahn.txt');
    expect(inItalian.answer).toMatch(/Lohnerhöhung von 8,5 Prozent\. \(tedesco\) \[1\]/);
    expect((await lexicalOnly.kb.ask(question)).noAnswer).toBe(true);
  });

  it('without the model, share no words and go unanswered honestly instead of through a word list', async () => {
    const strike = await lexicalOnly.kb.ask('What pay rise does the union demand?');
    expect(strike.noAnswer).toBe(true);
    expect(formatAnswer(strike)).toMatch(/does not cover/);
  });
});

describe('saying so when no model is in use', () => {
  it('/status names the limit of lexical retrieval, and says nothing of it when vectors are in use', async () => {
    const { statusReport } = await import('../../src/discord/statusReport.js');
    const context = (kb: KnowledgeBase) => ({ kb, reingest: { current: () => null }, startedAt: Date.now() }) as unknown as Parameters<typeof statusReport>[0];
    expect(await statusReport(context(lexicalOnly.kb))).toContain("questions in a language other than the articles' may go unanswered");
    expect(await statusReport(context(withVectors.kb))).not.toContain('may go unanswered');
  });
});
