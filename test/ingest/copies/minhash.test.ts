import { describe, expect, it } from 'vitest';
import { COPY_JACCARD_THRESHOLD, CopyDetector, fingerprintOf } from '../../../ingest/copies/copyDetector.js';
import {
  bandKeys,
  BANDS,
  candidateProbability,
  estimatedJaccard,
  exactJaccard,
  shingleHashes,
  signatureOf,
  SIGNATURE_LENGTH,
} from '../../../ingest/copies/minhash.js';
import type { ExtractedArticle } from '../../../src/core/types.js';

const STORY = [
  'The regional council approved a new tram line on Tuesday after a debate that lasted more than six hours.',
  'The line will connect the central station with the university campus and the northern hospital, a distance of eleven kilometres.',
  'Construction is expected to begin next spring and to cost about 240 million euros, two thirds of it paid by the national government.',
  'Opponents argued that buses would serve the same districts for a fraction of the price, and several shop owners fear a year of roadworks.',
  'The mayor said the first trams could run within four years if the tender for the vehicles is not delayed.',
].join('\n');

const OTHER_ON_THE_TOPIC = [
  'Tram passengers in the city rose by a fifth last year, the transport company reported, mainly on the routes to the old town.',
  'The company wants to replace its oldest vehicles, some of which entered service in the nineteen eighties, before extending any route.',
  'A survey of riders found that punctuality and crowding at peak hours were the main complaints, ahead of ticket prices.',
  'Cycling groups asked for protected lanes along the tram tracks, where several accidents were recorded in the autumn.',
].join('\n');

function article(body: string, extra: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: 'T',
    published: null,
    language: 'en',
    outlet: null,
    url: null,
    source: 's',
    location: 's',
    author: null,
    body: body.split('\n'),
    comments: [],
    ...extra,
  };
}

describe('MinHash over word shingles', () => {
  it('gives identical texts identical signatures and band keys, the same in every call (fixed seeds)', () => {
    const a = signatureOf(shingleHashes(STORY));
    const b = signatureOf(shingleHashes(STORY));
    expect(a).toHaveLength(SIGNATURE_LENGTH);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(estimatedJaccard(a, b)).toBe(1);
    expect(bandKeys(a)).toEqual(bandKeys(b));
    expect(new Set(bandKeys(a)).size).toBe(BANDS);
    // Case and accents do not make a different shingle.
    expect(exactJaccard(shingleHashes('Café au lait, SERVED hot every day'), shingleHashes('cafe au lait served hot every day'))).toBe(1);
  });

  it('estimates a lightly edited copy as near-identical and shares a band with it', () => {
    const copy = `Edition 17.\n${STORY.replace('six hours', 'seven hours')}`;
    const exact = exactJaccard(shingleHashes(STORY), shingleHashes(copy));
    const estimate = estimatedJaccard(signatureOf(shingleHashes(STORY)), signatureOf(shingleHashes(copy)));
    expect(exact).toBeGreaterThan(0.85);
    expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
    expect(estimate).toBeGreaterThanOrEqual(COPY_JACCARD_THRESHOLD);
    const bands = new Set(bandKeys(signatureOf(shingleHashes(STORY))));
    expect(bandKeys(signatureOf(shingleHashes(copy))).some((k) => bands.has(k))).toBe(true);
  });

  it('keeps a different text on the same topic far below the threshold, in no shared band', () => {
    const a = signatureOf(shingleHashes(STORY));
    const b = signatureOf(shingleHashes(OTHER_ON_THE_TOPIC));
    expect(exactJaccard(shingleHashes(STORY), shingleHashes(OTHER_ON_THE_TOPIC))).toBeLessThan(0.05);
    expect(estimatedJaccard(a, b)).toBeLessThan(0.2);
    const bands = new Set(bandKeys(a));
    expect(bandKeys(b).some((k) => bands.has(k))).toBe(false);
  });

  it('finds pairs by banding as the S-curve says: almost surely at the threshold, rarely when unrelated', () => {
    expect(candidateProbability(COPY_JACCARD_THRESHOLD)).toBeGreaterThan(0.999);
    expect(candidateProbability(0.1)).toBeLessThan(0.01);
  });
});

describe('copy detection', () => {
  it('never fingerprints short texts or feed summaries; reader comments do not change a fingerprint', () => {
    expect(fingerprintOf(article('Trams approved. Work starts in spring.'), false)).toBeNull();
    expect(fingerprintOf(article(STORY), true)).toBeNull();
    const withComments = fingerprintOf(
      article(STORY, { comments: [{ author: 'A', published: null, text: 'Finally a tram for the north of the city!' }] }),
      false,
    );
    expect(withComments?.bands).toEqual(fingerprintOf(article(STORY), false)?.bands);
    // A teaser too short to judge above a reader thread is judged with the thread.
    const thread = OTHER_ON_THE_TOPIC.split('\n').map((text) => ({ author: 'R', published: null, text }));
    expect(fingerprintOf(article('Trams approved.', { comments: thread }), false)).not.toBeNull();
  });

  it('keeps the reader comments of a copy that its head does not have', async () => {
    const detector = new CopyDetector({ copyCandidates: async () => [] });
    const shared = { author: 'A', published: null, text: 'Finally a tram for the north!' };
    const own = { author: 'B', published: null, text: 'The buses were fine.' };
    expect(await detector.classify('head', article(STORY, { comments: [shared] }), false)).toMatchObject({ copyOf: null, ownComments: [shared] });
    const copy = await detector.classify(
      'copy',
      article(`Edition 2.\n${STORY}`, { comments: [{ ...shared, text: ' FINALLY a tram for the  north! ' }, own] }),
      false,
    );
    expect(copy).toMatchObject({ copyOf: 'head', ownComments: [own] });
  });

  it('finds a copy of a head remembered earlier in the run, and of a stored head, but never of the article itself', async () => {
    const stored = fingerprintOf(article(OTHER_ON_THE_TOPIC), false)!;
    const store = {
      copyCandidates: async (bands: string[]) =>
        bands.some((b) => stored.bands.includes(b)) ? [{ id: 9, key: 'stored', signature: stored.signature, comments: [] }] : [],
    };
    const detector = new CopyDetector(store);
    expect(await detector.classify('head', article(STORY), false)).toMatchObject({ copyOf: null });
    expect(await detector.classify('copy', article(`Edition 2.\n${STORY}`), false)).toMatchObject({ copyOf: 'head' });
    expect(await detector.classify('later', article(`Edition 3.\n${OTHER_ON_THE_TOPIC}`), false)).toMatchObject({ copyOf: 'stored' });
    expect(await detector.classify('stored', article(`${OTHER_ON_THE_TOPIC}\nUpdated.`), false)).toMatchObject({ copyOf: null });
  });
});
