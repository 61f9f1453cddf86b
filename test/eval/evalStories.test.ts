import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairErrors, scoreGrouping } from '../../eval/stories/groupingScore.js';
import { spread } from '../../eval/stories/runStoryEval.js';
import { readStoryDataset } from '../../eval/stories/storyDataset.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const grouping = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('story grouping scores', () => {
  // Labelled: {a,b,c} {d,e} {f}. Predicted: {a,b} {c,d} {e} {f}.
  const labelled = grouping({ a: 'E1', b: 'E1', c: 'E1', d: 'E2', e: 'E2', f: 'E3' });
  const predicted = grouping({ a: 'S1', b: 'S1', c: 'S2', d: 'S2', e: 'S3', f: 'S4' });

  it('counts pairs: precision over grouped pairs, recall over labelled pairs', () => {
    const { pairwise } = scoreGrouping(predicted, labelled);
    expect(pairwise).toMatchObject({ predictedPairs: 2, labelledPairs: 4, correctPairs: 1, precision: 0.5, recall: 0.25 });
    expect(pairwise.f1).toBeCloseTo(1 / 3, 10);
  });

  it('averages B-cubed precision and recall over items', () => {
    const { bcubed } = scoreGrouping(predicted, labelled);
    // precision: a 1, b 1, c 1/2, d 1/2, e 1, f 1; recall: a 2/3, b 2/3, c 1/3, d 1/2, e 1/2, f 1.
    expect(bcubed.precision).toBeCloseTo(5 / 6, 10);
    expect(bcubed.recall).toBeCloseTo(11 / 18, 10);
    expect(bcubed.f1).toBeCloseTo((2 * (5 / 6) * (11 / 18)) / (5 / 6 + 11 / 18), 10);
  });

  it('is perfect on the labelled grouping itself, and has no pairwise precision when nothing is grouped', () => {
    const same = scoreGrouping(labelled, labelled);
    expect(same.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(same.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    const alone = scoreGrouping(new Map(), labelled);
    expect(alone.pairwise).toMatchObject({ precision: null, recall: 0, f1: null, correctPairs: 0 });
    expect(alone.bcubed.precision).toBe(1);
    // recall: a, b, c 1/3 each, d, e 1/2 each, f 1.
    expect(alone.bcubed.recall).toBeCloseTo(0.5, 10);
  });

  it('lists wrongly merged and missed pairs', () => {
    expect(pairErrors(predicted, labelled)).toEqual({
      merged: [['c', 'd']],
      missed: [
        ['a', 'c'],
        ['b', 'c'],
        ['d', 'e'],
      ],
    });
  });

  it('takes example pairs from each group in turn', () => {
    const pairs: Array<[string, string]> = [
      ['x1', 'x2'],
      ['x1', 'x3'],
      ['x2', 'x3'],
      ['y1', 'y2'],
    ];
    expect(spread(pairs, (item) => item[0]!, 2)).toEqual([
      ['x1', 'x2'],
      ['y1', 'y2'],
    ]);
    expect(spread(pairs, (item) => item[0]!, 10)).toHaveLength(4);
  });
});

const CRANE =
  'A crane working on the new ferry terminal collapsed onto the harbour bridge on Tuesday morning, and the city closed the bridge to all traffic until engineers have inspected its deck. ' +
  'Nobody was hurt, the port authority said, because the crane operator had stopped work minutes earlier when the wind picked up. ' +
  'Commuters were told to use the northern ring road, where queues stretched for several kilometres during the rush hour. ' +
  'The contractor said it would pay for the repairs and had opened its own inquiry into why the crane was not secured.';

/** Short made-up records in `npm run export` form with an event label. */
const FIXTURE = [
  { source: 'crane-1', title: 'Crane collapses onto harbour bridge', outlet: 'Harbour Post', published: '2024-03-05', body: CRANE, event: 'crane' },
  // A near-identical copy in another outlet: one word changed, a line added.
  {
    source: 'crane-copy',
    title: 'Harbour bridge shut after crane collapse',
    outlet: 'Coast Courier',
    published: '2024-03-05',
    body: `${CRANE.replace('Tuesday morning', 'Tuesday')}\n\nThis story was first published by the Harbour Post.`,
    event: 'crane',
  },
  {
    source: 'crane-retold',
    title: 'Bridge to stay shut for days after accident',
    outlet: 'City Radio',
    published: '2024-03-06',
    body: 'Engineers expect the harbour bridge to stay closed until the weekend after Tuesday’s accident at the ferry terminal site. The port authority said a first look at the deck found cracks near the southern pillar, and divers will check the foundations on Thursday. Drivers should keep using the ring road.',
    event: 'crane',
  },
  {
    source: 'library',
    title: 'New library opens in the old post office',
    outlet: 'Harbour Post',
    published: '2024-03-05',
    body: 'The town’s new public library opened on Saturday in the restored post office building, with a children’s reading room, a small café and twenty computers for adult learning courses. Volunteers collected more than eight thousand donated books over the winter, and the mayor thanked the local history society for finding the building’s original floor tiles under decades of carpet.',
    event: 'library',
  },
  {
    source: 'football',
    title: 'United win the derby late',
    outlet: 'Coast Courier',
    published: '2024-03-04',
    body: 'A header four minutes from time gave United a two to one win in Sunday’s derby, lifting them to third in the table. The visitors had led at half time through a penalty, but two substitutions after the break changed the game, and the home side pressed until the winner came from a corner kick taken by the captain.',
    event: 'football',
  },
  {
    source: 'rates',
    title: 'Council freezes parking charges',
    outlet: 'City Radio',
    published: '2024-03-07',
    body: 'The council voted on Wednesday to keep parking charges at last year’s level for another twelve months, after shop owners in the old town warned that higher fees would drive customers to the retail park outside the city. The opposition said the freeze would leave a gap in the transport budget that bus routes would have to fill.',
    event: 'parking',
  },
].map((r) => ({ url: null, author: null, language: 'en', comments: [], passages: 0, ...r }));

function writeFixture(): string {
  const dir = tempDir('stories-fixture-');
  writeFileSync(join(dir, 'articles.jsonl'), `${FIXTURE.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return dir;
}

describe('npm run eval:stories', () => {
  it('imports the set into a fresh store: copies come out as one story, unrelated articles apart', async () => {
    const dataset = writeFixture();
    const env = { DATA_DIR: join(tempDir('stories-data-'), 'data') };
    const run = await runScript('src/cli/evalStories.ts', ['--dataset', dataset, '--vectors', 'hashing', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ articles: 6, labelledEvents: 4, multiArticleEvents: 1, skipped: [], vectors: { asked: 'hashing', model: 'hashing-384' } });
    expect(report.pairwise.labelledPairs).toBe(3);
    expect(report.pairwise.correctPairs).toBeGreaterThanOrEqual(1);
    expect(report.wronglyMerged).toEqual([]);
    const { stories } = report as { stories: Record<string, string> };
    expect(stories['crane-copy']).toBe(stories['crane-1']);
    const apart = ['library', 'football', 'rates'].map((s) => stories[s]);
    expect(new Set([...apart, stories['crane-1']]).size).toBe(4);
    const text = await runScript('src/cli/evalStories.ts', ['--dataset', dataset, '--worst', '10'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Story grouping: 6 articles, lexical only \(no vectors\)/);
    expect(text.stdout).toMatch(/labelled events {3}4 \(1 told by several articles\)/);
    expect(text.stdout).toMatch(/Wrongly merged pairs \(one story, different events\): none/);
  });

  it('measures lexical-only, and says so, when the model asked for cannot be loaded', async () => {
    const dataset = writeFixture();
    // A model folder without weights: the loader fails at once, offline.
    const model = join(tempDir('stories-model-'), 'no-weights');
    mkdirSync(model);
    writeFileSync(join(model, 'config.json'), '{}');
    const run = await runScript('src/cli/evalStories.ts', ['--dataset', dataset, '--vectors', model], { DATA_DIR: join(tempDir('stories-data-'), 'data') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Story grouping: 6 articles, lexical only \(no vectors\)/);
    expect(run.stdout).toMatch(/note: .*no-weights could not be loaded \(.*\): measured lexical-only/);
  });

  it('refuses a dataset line without an event label', () => {
    const dir = tempDir('stories-bad-');
    writeFileSync(join(dir, 'articles.jsonl'), `${JSON.stringify({ ...FIXTURE[0], event: undefined })}\n`);
    expect(() => readStoryDataset(dir)).toThrow(/needs "source" and "event"/);
  });
});
