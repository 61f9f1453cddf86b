import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExportRecord } from '../../ingest/exportRecord.js';
import { importRecords } from '../../ingest/importRecords.js';
import { ingest } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { formatAnswer } from '../../src/core/answer/format.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { unavailable } from '../support/countingEmbeddings.js';
import { SCALE_EMBEDDERS } from '../support/scaleEmbedders.js';
import { tempDir } from '../support/tempDir.js';

/** Four short wire stories in four languages (fictional), each with a question it answers. */
const STORIES = [
  {
    name: 'wind',
    language: 'de',
    title: 'Nordwind liefert Turbinen an die Stadtwerke Kiel',
    question: 'Wie viel ist der Liefervertrag von Nordwind mit den Stadtwerken Kiel wert?',
    body: [
      'Der Turbinenhersteller Nordwind Energie hat mit den Stadtwerken Kiel einen Liefervertrag über zwölf Windräder für den Offshore-Park Holtenau unterzeichnet.',
      'Der Liefervertrag ist nach Angaben beider Unternehmen 310 Millionen Euro wert und läuft bis zum Jahr 2031.',
      'Die ersten Anlagen sollen im Frühjahr verschifft werden, sobald der neue Schwerlastkai im Hafen fertig ist. Die Stadtwerke rechnen damit, dass der Park rund 90.000 Haushalte versorgen kann.',
      'Kritiker aus dem Naturschutz bemängeln, dass die Bauarbeiten in die Brutzeit der Seevögel fallen könnten, und fordern strengere Auflagen für die Rammarbeiten.',
    ],
  },
  {
    name: 'bridge',
    language: 'en',
    title: 'Harbour bridge reopens after two years of repairs',
    question: 'When did the harbour bridge in Port Elling reopen to traffic?',
    body: [
      'The harbour bridge in Port Elling reopened to traffic on 3 March after two years of repairs to its corroded steel cables, the regional roads agency said.',
      'Engineers replaced all 48 suspension cables and renewed the deck surface, work that cost the agency 85 million pounds, about a fifth more than planned.',
      'Lorries heavier than 40 tonnes will still be diverted until load tests finish in the summer. Local shop owners said the closure had cut their trade by a third.',
      'The agency said it would publish a report on why the corrosion had gone unnoticed during inspections carried out in the previous decade.',
    ],
  },
  {
    name: 'olive',
    language: 'it',
    title: 'Raccolto delle olive in calo in Puglia',
    question: 'Di quanto è calata la produzione di olio in Puglia?',
    body: [
      'La produzione di olio extravergine in Puglia è calata del 37 per cento rispetto all’anno scorso, secondo le stime della cooperativa Terre del Tavoliere.',
      'La siccità estiva e una gelata tardiva in aprile hanno colpito soprattutto gli uliveti della provincia di Foggia, dove molti alberi hanno perso i fiori.',
      'I prezzi all’ingrosso sono saliti a nove euro al litro, un livello mai visto negli ultimi dieci anni, e i frantoi temono di dover lavorare a metà della capacità.',
      'La regione ha chiesto al governo lo stato di calamità per accedere ai fondi di sostegno destinati agli agricoltori colpiti.',
    ],
  },
  {
    name: 'metro',
    language: 'es',
    title: 'Valverde aprueba la nueva línea de metro',
    question: '¿Cuántas estaciones tendrá la nueva línea de metro de Valverde?',
    body: [
      'El ayuntamiento de Valverde aprobó el martes la construcción de una nueva línea de metro que unirá el aeropuerto con el barrio universitario.',
      'La línea tendrá catorce estaciones y una longitud de dieciocho kilómetros, y las obras comenzarán en otoño si se adjudica el contrato a tiempo.',
      'El presupuesto previsto es de 1.200 millones de euros, financiados en parte con fondos europeos. La oposición critica que no se haya estudiado una alternativa de autobuses.',
      'Los vecinos del centro temen varios años de cortes de tráfico durante la excavación de los túneles bajo la avenida principal.',
    ],
  },
];

const OUTLETS = 100;

/** One story as an outlet republishes it: its own file, its own outlet, an "Edition N." line added. */
function copyOf(story: (typeof STORIES)[number], n: number): string {
  return [
    '---',
    `title: ${story.title}`,
    `outlet: Courier ${n}`,
    `language: ${story.language}`,
    'date: 2026-03-04',
    '---',
    '',
    `Edition ${n}.`,
    '',
    story.body.join('\n\n'),
    '',
  ].join('\n');
}

function writeCopies(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (const story of STORIES) for (let n = 1; n <= count; n++) writeFileSync(join(dir, `${story.name}-${String(n).padStart(3, '0')}.md`), copyOf(story, n));
}

async function ingestAndAsk(root: string, copies: number, model: LoadedEmbeddings) {
  const docs = join(root, 'docs');
  writeCopies(docs, copies);
  const summary = await ingest({
    dataDir: join(root, 'data'),
    sources: [parseSourceEntry(docs)],
    embeddings: model,
    fetchTimeoutMs: 2000,
    maxArticleBytes: 100_000,
  });
  const store = SqliteStore.open(join(root, 'data'));
  try {
    // With the model's vectors (when they separate on the store), and lexical only (as without a model).
    const hybrid = new KnowledgeBase({ store, embeddings: model.embeddings, embeddingStatus: model.status });
    const lexical = new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status });
    const answers = [];
    const lexicalAnswers = [];
    for (const story of STORIES) {
      answers.push(await hybrid.ask(story.question));
      lexicalAnswers.push(await lexical.ask(story.question));
    }
    return { summary, answers, lexicalAnswers };
  } finally {
    await store.close();
  }
}

describe.each(SCALE_EMBEDDERS)('a story told by 100 near-identical articles, with $name', ({ load }) => {
  let model: LoadedEmbeddings;
  beforeAll(async () => {
    model = await load();
  });
  afterAll(async () => {
    await model?.embeddings?.close();
  });

  it('is answered with the same cited sentence as when one article tells it, and the citation counts the 100', async () => {
    const one = await ingestAndAsk(tempDir(), 1, model);
    const hundred = await ingestAndAsk(tempDir(), OUTLETS, model);

    expect(hundred.summary).toMatchObject({ added: 4 * OUTLETS, copies: 4 * (OUTLETS - 1), duplicates: 0, skipped: [], totalArticles: 4 * OUTLETS });
    // The copies add no passages: the index (and its term statistics) is the one-copy index.
    expect(hundred.summary.totalPassages).toBe(one.summary.totalPassages);
    expect(one.summary.copies).toBe(0);

    STORIES.forEach((story, i) => {
      const single = one.answers[i]!;
      const many = hundred.answers[i]!;
      expect(single.noAnswer, `${story.question} with one copy`).toBe(false);
      expect(many.noAnswer, `${story.question} with ${OUTLETS} copies`).toBe(false);
      expect(many.answer).toBe(single.answer);
      expect(many.citations.map((c) => c.quote)).toEqual(single.citations.map((c) => c.quote));
      const cited = many.citations[0]!;
      expect(cited.story.articles).toBe(OUTLETS);
      expect(cited.story.outlets).toHaveLength(OUTLETS);
      expect(cited.story.outlets[0]).toBe(cited.outlet);
      expect(single.citations[0]!.story).toMatchObject({ articles: 1, outlets: ['Courier 1'] });
      // The leading candidates are not filled with copies: the cited sentence is in one retrieved passage.
      const sentence = cited.quote.split(' … ')[0]!;
      expect(many.passages.filter((p) => p.text.includes(sentence))).toHaveLength(1);
    });
    STORIES.forEach((story, i) => {
      expect(hundred.lexicalAnswers[i]!.noAnswer, `${story.question} lexically`).toBe(false);
      expect(hundred.lexicalAnswers[i]!.citations.map((c) => [c.quote, c.story.articles])).toEqual(
        one.lexicalAnswers[i]!.citations.map((c) => [c.quote, OUTLETS]),
      );
    });
    const english = formatAnswer(hundred.answers[1]!);
    expect(english).toMatch(/ — also reported by: Courier \d+, Courier \d+, \+97$/m);
    expect(formatAnswer(hundred.answers[0]!)).toMatch(/ — auch berichtet von: Courier \d+, Courier \d+, \+97$/m);
  }, 120_000);
});

describe('a story told by several near-identical articles', () => {
  it('is recognised again when an export is imported into another store', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    writeCopies(docs, 5);
    await ingest({ dataDir: join(root, 'data'), sources: [parseSourceEntry(docs)], embeddings: unavailable(), fetchTimeoutMs: 2000, maxArticleBytes: 100_000 });
    const source = SqliteStore.open(join(root, 'data'));
    const target = SqliteStore.open(join(root, 'imported'));
    try {
      const lines: string[] = [];
      for await (const article of source.exportArticles()) lines.push(JSON.stringify(toExportRecord(article)));
      const summary = await importRecords(
        target,
        async function* () {
          yield* lines;
        },
        { embeddings: unavailable(), sourceId: 'import' },
      );
      expect(summary).toMatchObject({ imported: 20, skipped: [] });
      expect(await target.stats()).toMatchObject({ documents: 20, passages: (await source.stats()).passages });
      const [hit] = await target.lexicalSearch(['liefervertrag'], 1);
      const [passage] = await target.passagesByIds([hit!.id]);
      expect((await target.stories([passage!.documentId])).get(passage!.documentId)).toMatchObject({ articles: 5 });
    } finally {
      await source.close();
      await target.close();
    }
  }, 60_000);

  it('re-examines a copy whose text changed, and keeps the story when the head is pruned', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    const [wind, bridge] = STORIES;
    mkdirSync(docs, { recursive: true });
    for (let n = 1; n <= 3; n++) writeFileSync(join(docs, `wind-${n}.md`), copyOf(wind!, n));
    const run = () =>
      ingest({
        dataDir: join(root, 'data'),
        sources: [parseSourceEntry(`${docs} prune`)],
        embeddings: unavailable(),
        fetchTimeoutMs: 2000,
        maxArticleBytes: 100_000,
      });
    const first = await run();
    expect(first).toMatchObject({ added: 3, copies: 2 });
    // The third outlet now carries another story: stored with passages of its own.
    writeFileSync(join(docs, 'wind-3.md'), copyOf(bridge!, 3));
    expect(await run()).toMatchObject({ updated: 1, copies: 0, unchanged: 2, totalPassages: first.totalPassages * 2 });
    // The head's file goes: its copy takes the story over, still answered.
    rmSync(join(docs, 'wind-1.md'));
    expect(await run()).toMatchObject({ removed: 1, totalArticles: 2, totalPassages: first.totalPassages * 2 });
    const store = SqliteStore.open(join(root, 'data'));
    try {
      const answer = await new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status }).ask(wind!.question);
      expect(answer.noAnswer).toBe(false);
      expect(answer.citations[0]).toMatchObject({ source: 'wind-2.md', story: { articles: 1, outlets: ['Courier 2'] } });
    } finally {
      await store.close();
    }
  }, 60_000);
});
