import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSquad } from '../../eval/squad.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const SQUAD = {
  version: '1.1',
  data: [
    {
      title: 'Torre_di_Pisa',
      paragraphs: [
        {
          context: 'La Torre di Pisa è il campanile della cattedrale di Pisa. La costruzione iniziò nel 1173 e durò quasi duecento anni.',
          qas: [{ id: 'q1', question: 'In che anno iniziò la costruzione della Torre di Pisa?', answers: [{ text: '1173', answer_start: 70 }] }],
        },
        {
          context: 'La torre pende di circa quattro gradi a causa del terreno morbido sotto le fondamenta.',
          qas: [
            {
              id: 'q2',
              question: 'Di quanti gradi pende la torre?',
              answers: [
                { text: 'quattro gradi', answer_start: 28 },
                { text: 'circa quattro gradi', answer_start: 22 },
              ],
            },
          ],
        },
      ],
    },
    {
      title: 'Vesuvio',
      paragraphs: [
        {
          context: 'Il Vesuvio è un vulcano che si trova nel golfo di Napoli. La sua eruzione del 79 d.C. distrusse Pompei ed Ercolano.',
          qas: [{ id: 'q3', question: "Quali città distrusse l'eruzione del Vesuvio del 79?", answers: [{ text: 'Pompei ed Ercolano', answer_start: 96 }] }],
        },
        {
          context: "L'ultima eruzione del Vesuvio risale al 1944, durante la seconda guerra mondiale.",
          qas: [{ id: 'q4', question: "Quando fu l'ultima eruzione del Vesuvio?", answers: [{ text: '1944', answer_start: 40 }] }],
        },
      ],
    },
  ],
};

describe('SQuAD eval input', () => {
  it("makes one document per paragraph and turns dropped paragraphs' questions unanswerable, the same way every time", () => {
    const file = join(tempDir(), 'set.json.gz');
    writeFileSync(file, gzipSync(JSON.stringify(SQUAD)));
    const full = readSquad(file);
    expect(full.documents).toHaveLength(4);
    expect(full.documents[0]!.text).toMatch(/^Torre di Pisa\n\nLa Torre di Pisa/);
    expect(full.questions[1]).toMatchObject({
      id: 'q2',
      expectedSources: [full.documents[1]!.name],
      answers: ['quattro gradi', 'circa quattro gradi'],
      unanswerable: false,
      language: 'it',
    });
    const half = readSquad(file, 0.5);
    expect(half.documents.length + half.dropped).toBe(4);
    const unanswerable = half.questions.filter((q) => q.unanswerable);
    expect(unanswerable).toHaveLength(half.dropped);
    for (const q of unanswerable) expect(q).toMatchObject({ expectedSources: [], answers: [] });
    expect(readSquad(file, 0.5).questions.map((q) => q.unanswerable)).toEqual(half.questions.map((q) => q.unanswerable));
    expect(() => readSquad(file, 2)).toThrow(/--drop-gold/);
  });

  it('reads SQuAD 2.0 files: questions marked impossible are unanswerable with their paragraph kept; an untitled article is its text alone', () => {
    const file = join(tempDir(), 'v2.json');
    const v2 = {
      version: 'v2.0',
      data: [
        {
          paragraphs: [
            {
              context: 'The bridge opened in 1932 and carries six lanes of traffic.',
              qas: [
                { id: 'a', question: 'When did the bridge open?', answers: [{ text: '1932', answer_start: 21 }], is_impossible: false },
                {
                  id: 'b',
                  question: 'Who painted the bridge?',
                  answers: [],
                  plausible_answers: [{ text: 'six lanes', answer_start: 38 }],
                  is_impossible: true,
                },
              ],
            },
          ],
        },
      ],
    };
    writeFileSync(file, JSON.stringify(v2));
    const set = readSquad(file);
    expect(set.documents).toEqual([{ name: 'article-0000.txt', text: 'The bridge opened in 1932 and carries six lanes of traffic.\n' }]);
    expect(set.questions.map((q) => [q.id, q.unanswerable, q.expectedSources.length])).toEqual([
      ['a', false, 1],
      ['b', true, 0],
    ]);
  });

  it('runs through npm run eval with per-language figures in the JSON report', async () => {
    const dir = tempDir();
    const file = join(dir, 'set.json');
    writeFileSync(file, JSON.stringify(SQUAD));
    const result = await runScript('src/cli/eval.ts', ['--squad', file, '--json'], { EMBEDDING_MODEL: 'hashing-384', DATA_DIR: join(dir, 'unused') });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ questions: 4, paragraphs: 4, droppedParagraphs: 0, articles: 4 });
    expect(report.recallAt1).toBeGreaterThanOrEqual(0.75);
    expect(report.answerHitRate).toBeGreaterThanOrEqual(0.75);
    expect(report.perLanguage.it).toMatchObject({ questions: 4 });
    for (const field of [
      'recallAt1',
      'recallAt5',
      'recallAt10',
      'mrrAt10',
      'answerHitRate',
      'answerableWronglyDeclinedRate',
      'unanswerableHonestRate',
      'latencyMs',
    ])
      expect(report.perLanguage.it).toHaveProperty(field);
  });

  it('fits the ranking weights on a SQuAD file and reports recall@1 on questions the fit did not see', async () => {
    const dir = tempDir();
    const file = join(dir, 'set.json');
    writeFileSync(file, JSON.stringify(SQUAD));
    const result = await runScript('src/cli/fitRanking.ts', ['--squad', file], { DATA_DIR: join(dir, 'unused') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/questions: 4 \(fit 2, check 2\)/);
    expect(result.stdout).toMatch(/recall@1 on the check half: fused order [01]\.\d{4}, RANKING_WEIGHTS [01]\.\d{4}, fitted [01]\.\d{4}/);
    expect(result.stdout).toMatch(/fitted weights: \{ fused: -?[\d.]+, relevance: -?[\d.]+, focus: -?[\d.]+, saturation: -?[\d.]+, adjacency: -?[\d.]+ \}/);
    expect((await runScript('src/cli/fitRanking.ts', [], {})).code).toBe(1);
  });
});
