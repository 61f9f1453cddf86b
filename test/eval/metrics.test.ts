import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport, firstRelevantRank, percentile, type QuestionOutcome } from '../../eval/metrics.js';
import { parseQuestions } from '../../eval/questions.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

function outcome(partial: Partial<QuestionOutcome>): QuestionOutcome {
  return {
    id: 'q',
    question: 'q?',
    expectedSources: [],
    answers: [],
    unanswerable: false,
    retrieved: [],
    answerText: '',
    noAnswer: false,
    cited: [],
    citationsRemoved: 0,
    latencyMs: 10,
    ...partial,
  };
}

describe('eval metrics', () => {
  it('computes recall@k, MRR@10, hit rate, citation precision and no-answer rates on a known case', () => {
    const report = computeReport([
      // relevant at rank 1; answer found; both citations right
      outcome({
        expectedSources: ['a.txt'],
        answers: ['42'],
        retrieved: [['a.txt'], ['b.txt']],
        answerText: 'It was 42 [1]',
        cited: [['a.txt'], ['a.txt']],
        latencyMs: 10,
      }),
      // relevant at rank 3 (via its URL); answer missed; one of two citations right
      outcome({
        expectedSources: ['https://x.example/c'],
        answers: ['Paris'],
        retrieved: [['b.txt'], ['d.txt'], ['c.html', 'https://x.example/c']],
        answerText: 'London [1]',
        cited: [['b.txt'], ['c.html', 'https://x.example/c']],
        latencyMs: 20,
      }),
      // relevant at rank 7: counts for @10 only; wrongly declined
      outcome({
        expectedSources: ['e.txt'],
        answers: ['x'],
        retrieved: [['1'], ['2'], ['3'], ['4'], ['5'], ['6'], ['e.txt']],
        noAnswer: true,
        answerText: 'not covered',
        latencyMs: 30,
      }),
      // never retrieved
      outcome({ expectedSources: ['f.txt'], retrieved: [['g.txt']], latencyMs: 40 }),
      // unanswerable: one honest, one not
      outcome({ unanswerable: true, noAnswer: true, latencyMs: 50 }),
      outcome({ unanswerable: true, noAnswer: false, cited: [['z.txt']], citationsRemoved: 1, latencyMs: 1000 }),
    ]);
    expect(report.questions).toBe(6);
    expect(report.recallAt1).toBeCloseTo(1 / 4);
    expect(report.recallAt5).toBeCloseTo(2 / 4);
    expect(report.recallAt10).toBeCloseTo(3 / 4);
    expect(report.mrrAt10).toBeCloseTo((1 + 1 / 3 + 1 / 7 + 0) / 4);
    expect(report.answerHitRate).toBeCloseTo(1 / 3);
    expect(report.citationPrecision).toBeCloseTo(3 / 4);
    expect(report.unanswerableHonestRate).toBeCloseTo(1 / 2);
    expect(report.answerableWronglyDeclinedRate).toBeCloseTo(1 / 4);
    expect(report.citationsRemovedShare).toBeCloseTo(1 / 6);
    expect(report.latencyMs).toEqual({ p50: 30, p95: 1000 });
  });

  it('reports n/a (null) rather than inventing numbers when a metric has no questions', () => {
    const report = computeReport([outcome({ unanswerable: true, noAnswer: true })]);
    expect(report.recallAt1).toBeNull();
    expect(report.answerHitRate).toBeNull();
    expect(report.unanswerableHonestRate).toBe(1);
  });

  it('ranks and percentiles', () => {
    expect(firstRelevantRank([['a'], ['B.TXT']], ['b.txt'], 10)).toBe(2);
    expect(firstRelevantRank([['a'], ['b']], ['b'], 1)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 95)).toBeNull();
  });
});

describe('questions file', () => {
  it('reports bad lines with their numbers and keeps the good ones', () => {
    const parsed = parseQuestions(
      [
        '{"question": "ok?", "expected_sources": ["a.txt"], "answers": ["x"]}',
        '',
        '{not json',
        '{"question": ""}',
        '{"question": "x", "unanswerable": true, "answers": ["y"]}',
        '{"question": "x", "surprise": 1}',
        '{"id": 7, "question": "fine", "unanswerable": true}',
      ].join('\n'),
    );
    expect(parsed.questions.map((q) => q.id)).toEqual(['line-1', '7']);
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(parsed.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('the eval command reports bad lines and fails clearly without any valid question', async () => {
    const dir = tempDir();
    const questions = join(dir, 'q.jsonl');
    writeFileSync(questions, '{oops\n');
    const result = await runScript('src/cli/eval.ts', ['--docs', dir, '--questions', questions], { EMBEDDING_DISABLED: 'true' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/q\.jsonl:1: not valid JSON/);
    expect(result.stderr).toMatch(/eval failed: no valid questions/);
    const missing = await runScript('src/cli/eval.ts', ['--docs', dir], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--docs and --questions are required/);
  });

  it('the eval command runs the production pipeline and prints one JSON object', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Bridge closes for repairs\n\nThe old river bridge closes on Monday for six months of repairs, the city said.\n');
    const questions = join(dir, 'q.jsonl');
    writeFileSync(
      questions,
      '{"question":"How long will the river bridge close?","expected_sources":["a.txt"],"answers":["six months"]}\n{"question":"Who won the chess final?","unanswerable":true}\nbad line\n',
    );
    const result = await runScript('src/cli/eval.ts', ['--docs', dir, '--questions', questions, '--json', '--verbose'], { EMBEDDING_MODEL: 'hashing-384' });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      questions: 2,
      recallAt1: 1,
      answerHitRate: 1,
      citationPrecision: 1,
      unanswerableHonestRate: 1,
      model: 'hashing-384',
      badLines: [{ line: 3 }],
    });
    expect(report.perQuestion).toHaveLength(2);
    expect(report.latencyMs.p50).toBeGreaterThan(0);
  });
});
