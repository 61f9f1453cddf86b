import { describe, expect, it } from 'vitest';
import { EventGrouper, scoreCandidates } from '../../../ingest/stories/eventGrouper.js';
import { eventTerms } from '../../../ingest/stories/eventTerms.js';
import { vectorThreshold } from '../../../ingest/stories/vectorBackground.js';
import { MIN_VECTOR_BACKGROUND } from '../../../ingest/stories/storyParameters.js';
import type { ArticleWrite, KnowledgeStore } from '../../../src/core/ports/knowledgeStore.js';
import type { VectorCalibration } from '../../../src/core/calibration/vectorCalibration.js';
import { article } from '../../store/storeFixtures.js';
import { openTestStore } from '../../support/ingestRun.js';

const DIM = 8;

/** A unit vector along one axis (with a little of the last, so no two are exactly orthogonal). */
function axis(i: number): Float32Array {
  const v = new Float32Array(DIM);
  v[i % (DIM - 1)] = 1;
  v[DIM - 1] = 0.1;
  return v;
}

function write(key: string, title: string, body: string[], published: string | null, vector: Float32Array): ArticleWrite {
  const base = article(key, body, { vectors: body.map(() => vector), model: 'm' });
  return { ...base, comments: [], metadata: { ...base.metadata, title, published, outlet: `Outlet ${key}` } };
}

const FIRST = write(
  'first',
  'Ferry Aurora runs aground near Skellig Point',
  ['The ferry Aurora ran aground near Skellig Point on Tuesday with 212 passengers aboard.', 'Coastguard crews from Brannock took everyone off by evening.'],
  '2026-11-03T08:00:00Z',
  axis(0),
);
/** Another outlet's report of the same grounding, written with few of the same words. */
const SECOND_TEXT = {
  title: 'Stranded vessel refloated',
  body: [
    'Rescue boats brought people ashore from a stranded vessel on Tuesday, a spokeswoman for the Harbour Authority, Ines Marlow, said.',
    'The Aurora was refloated at high tide.',
  ],
};

/** Writes the first report and ten unrelated articles of other weeks (the background), each with its own vector. */
async function storeWithBackground(store: KnowledgeStore, backgroundVector: (i: number) => Float32Array): Promise<number> {
  await store.useVectorSpace({ model: 'm', dim: DIM });
  await store.writeArticle(FIRST);
  for (let i = 0; i < 10; i++) {
    const day = String(10 + i).padStart(2, '0');
    await store.writeArticle(
      write(`other-${i}`, `Council news ${i}`, [`Item ${i} of the council agenda was discussed.`], `2026-10-${day}T08:00:00Z`, backgroundVector(i)),
    );
  }
  return (await store.documentByKey('first'))!.id;
}

describe('grouping an article by its event', () => {
  it('the test pair has some lexical evidence of one event, but not enough alone', () => {
    const first = eventTerms(FIRST.metadata.title, FIRST.body.join('\n'), 'en');
    const second = eventTerms(SECOND_TEXT.title, SECOND_TEXT.body.join('\n'), 'en');
    const candidate = {
      id: 1,
      storyId: 1,
      published: FIRST.metadata.published!,
      storyStart: '',
      storyEnd: '',
      outlet: null,
      language: 'en',
      terms: first.join(' '),
      title: '',
      lead: '',
    };
    const [scored] = scoreCandidates(second, 'en', Date.parse('2026-11-03T10:00:00Z'), [candidate]);
    expect(scored!.evidence).toBeGreaterThanOrEqual(0.5);
    expect(scored!.evidence).toBeLessThan(1);
  });

  it('joins the story when the article vectors are closer than the article is to any unrelated article of the store', async () => {
    const store = openTestStore();
    const first = await storeWithBackground(store, (i) => axis(1 + (i % 6)));
    const place = await new EventGrouper(store).place(write('second', SECOND_TEXT.title, SECOND_TEXT.body, '2026-11-03T10:00:00Z', axis(0)));
    expect(place.sameEventAs).toBe(first);
    // Without vectors (a lexical store, or no model loaded) the same article tells a story of its own.
    const lexical = await new EventGrouper(store).place({
      ...write('second', SECOND_TEXT.title, SECOND_TEXT.body, '2026-11-03T10:00:00Z', axis(0)),
      vectors: null,
      model: null,
    });
    expect(lexical.sameEventAs).toBeNull();
  });

  it('stays apart when the model gives unrelated articles the same similarity (it does not separate here), or is measured not to separate', async () => {
    const store = openTestStore();
    await storeWithBackground(store, () => axis(0));
    const second = write('second', SECOND_TEXT.title, SECOND_TEXT.body, '2026-11-03T10:00:00Z', axis(0));
    expect((await new EventGrouper(store).place(second)).sameEventAs).toBeNull();

    const separating = openTestStore();
    await storeWithBackground(separating, (i) => axis(1 + (i % 6)));
    // The answer calibration (src/core/calibration) found this model not to separate on this store.
    const vector: VectorCalibration = {
      model: 'm',
      dim: DIM,
      probes: 20,
      passages: 22,
      measuredAt: '2026-11-01T00:00:00Z',
      unrelatedMedian: 0.8,
      unrelatedHigh: 0.95,
      relatedMedian: 0.9,
      separatedShare: 0.2,
      separates: false,
    };
    await separating.saveCalibration({ vector });
    expect((await new EventGrouper(separating).place(second)).sameEventAs).toBeNull();
    await separating.saveCalibration({ vector: { ...vector, separates: true } });
    expect((await new EventGrouper(separating).place(second)).sameEventAs).not.toBeNull();
  });

  it('never groups an undated article by event, and leaves a copy to its head', async () => {
    const store = openTestStore();
    await storeWithBackground(store, (i) => axis(1 + (i % 6)));
    const same = write('again', FIRST.metadata.title, FIRST.body, null, axis(0));
    expect((await new EventGrouper(store).place(same)).sameEventAs).toBeNull();
    const copy = { ...write('copy', FIRST.metadata.title, FIRST.body, '2026-11-03T09:00:00Z', axis(0)), copyOf: 'first' };
    const place = await new EventGrouper(store).place(copy);
    expect(place.sameEventAs).toBeNull();
    expect(place.storyTerms).toContain('n:aurora');
    // Dated and not a copy, the same report is found.
    expect((await new EventGrouper(store).place({ ...same, metadata: { ...same.metadata, published: '2026-11-04T08:00:00Z' } })).sameEventAs).not.toBeNull();
  });

  it('judges vectors only against a background large enough, above its highest by the model’s own spread', () => {
    expect(vectorThreshold(Array.from({ length: MIN_VECTOR_BACKGROUND - 1 }, () => 0.1))).toBeNull();
    // The highest (0.3) plus twice its distance from the median (0.11).
    expect(vectorThreshold([0.1, 0.3, 0.2, 0.05, 0.15, 0.12, 0.11, 0.09])).toBeCloseTo(0.68);
  });
});
