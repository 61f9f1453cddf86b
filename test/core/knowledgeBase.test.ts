import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { formatAnswer } from '../../src/core/answer/format.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { QuestionError } from '../../src/core/questions.js';
import { NewsRetriever } from '../../src/core/retrieval/newsRetriever.js';
import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { ARTICLES } from '../support/articles.js';
import { loaded } from '../support/countingEmbeddings.js';
import { suiteTempDir } from '../support/tempDir.js';

let store: SqliteStore;
let kb: KnowledgeBase;
let docsSourceId: string;
const embeddings = new HashingEmbeddings();

beforeAll(async () => {
  const root = suiteTempDir('kb-');
  const docs = join(root, 'docs');
  mkdirSync(docs);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
  // A wire story republished by a second outlet: retrieval must not return it twice.
  writeFileSync(join(docs, 'rhine-copy.txt'), ARTICLES['rhine.txt']!.replace('Rhine barges', 'Rhine cargo barges'));
  docsSourceId = parseSourceEntry(docs).id;
  await ingest({ dataDir: join(root, 'data'), sources: [parseSourceEntry(docs)], embeddings: loaded(embeddings), fetchTimeoutMs: 1000, maxArticleBytes: 1e6 });
  store = SqliteStore.open(join(root, 'data'));
  kb = new KnowledgeBase({ store, embeddings, embeddingStatus: loaded(embeddings).status });
});
afterAll(() => store.close());

describe('retrieval and extractive answers', () => {
  it('answers with the right sentence, a marker and a numbered source list', async () => {
    const answer = await kb.ask('How much have freight rates for gasoil risen?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.retrieval).toBe('hybrid');
    expect(answer.answer).toMatch(/tripled.*\[1\]/);
    expect(answer.citations[0]).toMatchObject({ n: 1, section: 'body', language: 'en', published: '2026-08-14' });
    expect(answer.citations[0]!.source).toMatch(/^rhine(-copy)?\.txt$/);
    const text = formatAnswer(answer);
    expect(text).toMatch(/Sources:\n\[1\] Rhine .* — 2026-08-14, en — rhine(-copy)?\.txt/);
  });

  it('answers in the asker\'s language frame and says "date unknown" when no date is stated', async () => {
    const answer = await kb.ask('Quanto costa la linea 2 della metropolitana di Torino?');
    expect(answer.answer).toContain('1,83 miliardi');
    expect(formatAnswer(answer)).toMatch(/Fonti:\n\[1\] .* — data sconosciuta, it — torino\.txt/);
  });

  it('presents reader comments as such', async () => {
    const answer = await kb.ask('What did readers say about deepening the channel at Kaub?');
    expect(answer.answer).toMatch(/^A reader commented: “Deepen the channel at Kaub/);
    expect(answer.citations[0]!.section).toBe('comment');
    expect(formatAnswer(answer)).toMatch(/reader comment/);
  });

  it("answers only from a scope's sources: a scope without the article gets no answer, one source that brings it the cited answer", async () => {
    const question = 'How much have freight rates for gasoil risen?';
    const unscoped = await kb.ask(question);
    expect(await kb.ask(question, { scope: { sourceIds: [docsSourceId] } })).toMatchObject({ answer: unscoped.answer, noAnswer: false });
    const outside = await kb.ask(question, { scope: { sourceIds: ['https://other.example/feed'] } });
    expect(outside.noAnswer).toBe(true);
    expect(outside.citations).toEqual([]);
    const rhineKeys = (await store.keysForSource(docsSourceId)).filter((key) => /rhine/.test(key));
    for (const key of rhineKeys) await store.addDocumentSource(key, 'https://desk.example/feed');
    const desk = await kb.ask(question, { scope: { sourceIds: ['https://desk.example/feed'] } });
    expect(desk.noAnswer).toBe(false);
    expect(desk.answer).toMatch(/tripled.*\[1\]/);
    for (const citation of desk.citations) expect(citation.source).toMatch(/^rhine(-copy)?\.txt$/);
  });

  it('gives an honest no-answer for topics the news does not cover', async () => {
    for (const q of ['Who won the Eurovision Song Contest?', 'Wer hat die Bundestagswahl gewonnen?', 'Chi ha vinto il campionato di calcio?']) {
      const answer = await kb.ask(q);
      expect(answer.noAnswer, q).toBe(true);
      expect(answer.citations, q).toEqual([]);
    }
    expect((await kb.ask('Who won the Eurovision Song Contest?')).answer).toMatch(/does not cover/);
  });

  it('does not return near-identical passages twice', async () => {
    const result = await kb.retrieve('Kaub gauge water level barges', { k: 5 });
    const texts = result.passages.map((p) => p.text.slice(60, 160));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('filters by date and prefers recent articles when asked', async () => {
    const all = await kb.retrieve('Streik barges metro', { k: 10 });
    expect(all.passages.some((p) => p.document.source === 'bahn.txt')).toBe(true);
    const since = await kb.retrieve('Streik barges metro', { k: 10, since: '2026-09-01' });
    expect(since.passages.map((p) => p.document.source)).toEqual(['bahn.txt']);
    const recent = await kb.retrieve('Streik barges', { k: 3, recencyHalfLifeDays: 7, now: new Date('2026-10-07') });
    expect(recent.passages[0]!.document.source).toBe('bahn.txt');
  });

  it('rejects empty and oversized questions with a clear message', async () => {
    await expect(kb.ask('   ')).rejects.toThrow(QuestionError);
    await expect(kb.ask('x'.repeat(600))).rejects.toThrow(/limit is 500/);
  });

  it('is usable as a langchain retriever', async () => {
    const retriever = new NewsRetriever({ store, embeddings }, { k: 3 });
    const docs = await retriever.invoke('GDL Streik Fernverkehr');
    expect(docs[0]!.metadata).toMatchObject({ source: 'bahn.txt', language: 'de', section: 'body' });
    expect(docs[0]!.pageContent).toContain('Streik');
  });

  it('refuses to compare vectors from a different embedding model and falls back to lexical', async () => {
    const other = new HashingEmbeddings(128);
    const mismatched = new KnowledgeBase({ store, embeddings: other, embeddingStatus: loaded(other).status });
    expect(await mismatched.vectorProblem()).toMatch(/built with hashing-384 .* configured model is hashing-128/);
    const answer = await mismatched.ask('How much have freight rates for gasoil risen?');
    expect(answer.retrieval).toBe('lexical');
    expect(answer.answer).toContain('tripled');
  });
});
