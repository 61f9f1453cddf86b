import { expect, it } from 'vitest';
import type { ArticleWrite, KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import { article, fingerprint } from './storeFixtures.js';

/** An article of an outlet published at a time, optionally reporting the same event as a stored one. */
function report(key: string, outlet: string, published: string | null, overrides: Partial<ArticleWrite> = {}): ArticleWrite {
  return article(key, [`${key} reports the ferry strike`], {
    metadata: { ...article(key, []).metadata, outlet, published },
    comments: [],
    storyTerms: `n:ferry #:${key.length}`,
    ...overrides,
  });
}

/**
 * Stories across outlets (issue 24), called from knowledgeStoreContract on every backend:
 * articles reporting one event share a story with their copies; a rewrite re-evaluates the
 * story; a removal keeps the rest together; the window reads ingest/stories uses.
 */
export function storiesContract<S extends KnowledgeStore>(withEmptyStore: (test: (store: S) => Promise<void>) => Promise<void>): void {
  it('tells articles about one event from other outlets as one story with their copies, the asked one’s outlet first', async () => {
    await withEmptyStore(async (store) => {
      await store.writeArticle(report('a', 'Outlet A', '2026-11-02T08:00:00Z', { fingerprint: fingerprint(1, ['b1']) }));
      const a = (await store.documentByKey('a'))!.id;
      await store.writeArticle(report('b', 'Outlet B', '2026-11-03T08:00:00Z', { sameEventAs: a }));
      await store.writeArticle(report('c', 'Outlet C', '2026-11-02T09:00:00Z', { copyOf: 'a', passages: [], vectors: null }));
      await store.writeArticle(report('d', 'Outlet D', '2026-11-02T10:00:00Z'));
      const [b, c, d] = await Promise.all(['b', 'c', 'd'].map(async (k) => (await store.documentByKey(k))!.id));
      const stories = await store.stories([a, b!, c!, d!]);
      expect(stories.get(a)).toEqual({ id: a, articles: 3, outlets: ['Outlet A', 'Outlet B', 'Outlet C'] });
      expect(stories.get(b!)).toEqual({ id: a, articles: 3, outlets: ['Outlet B', 'Outlet A', 'Outlet C'] });
      expect(stories.get(c!)?.outlets[0]).toBe('Outlet C');
      expect(stories.get(d!)).toEqual({ id: d, articles: 1, outlets: ['Outlet D'] });
      // In a scope only its sources' articles count and are named.
      await store.addDocumentSource('b', '/desk-b');
      const scoped = await store.stories([b!], { sourceIds: ['/desk-b'] });
      expect(scoped.get(b!)).toEqual({ id: a, articles: 1, outlets: ['Outlet B'] });
    });
  });

  it('re-evaluates a rewritten article’s story, and keeps the rest of a story together when the article naming it goes', async () => {
    await withEmptyStore(async (store) => {
      await store.writeArticle(report('a', 'Outlet A', '2026-11-02T08:00:00Z'));
      const a = (await store.documentByKey('a'))!.id;
      await store.writeArticle(report('b', 'Outlet B', '2026-11-02T09:00:00Z', { sameEventAs: a, fingerprint: fingerprint(2, ['b2']) }));
      const b = (await store.documentByKey('b'))!.id;
      await store.writeArticle(
        report('bc', 'Outlet C', '2026-11-02T09:30:00Z', { copyOf: 'b', passages: [], vectors: null, fingerprint: fingerprint(2, ['b2']) }),
      );
      await store.writeArticle(report('e', 'Outlet E', '2026-11-02T10:00:00Z', { sameEventAs: b }));
      const e = (await store.documentByKey('e'))!.id;
      expect((await store.stories([a])).get(a)?.articles).toBe(4);
      // Rewritten as another event: it leaves with its copy; the others stay together.
      await store.writeArticle(report('b', 'Outlet B', '2026-11-02T09:00:00Z', { fingerprint: fingerprint(2, ['b2']) }));
      expect((await store.stories([b])).get(b)).toEqual({ id: b, articles: 2, outlets: ['Outlet B', 'Outlet C'] });
      expect((await store.stories([e])).get(e)).toEqual({ id: a, articles: 2, outlets: ['Outlet E', 'Outlet A'] });
      // The article whose id names the story moves to another: the rest keep one story, named by the oldest of them.
      await store.writeArticle(report('a', 'Outlet A', '2026-11-02T08:00:00Z', { sameEventAs: b }));
      expect((await store.stories([a])).get(a)).toMatchObject({ id: b, articles: 3 });
      expect((await store.stories([e])).get(e)).toEqual({ id: e, articles: 1, outlets: ['Outlet E'] });
      // Removed, the article naming a story leaves the rest of it together.
      await store.removeKeys(['b']);
      const left = await store.stories([a]);
      expect(left.get(a)?.articles).toBe(2);
      expect(left.get(a)?.id).not.toBe(b);
      expect((await store.stories([(await store.documentByKey('bc'))!.id])).get((await store.documentByKey('bc'))!.id)?.id).toBe(left.get(a)?.id);
    });
  });

  it('reads the heads published in a window with their story’s span, the dated ones just outside it, and article vectors', async () => {
    await withEmptyStore(async (store) => {
      await store.useVectorSpace({ model: 'm', dim: 3 });
      await store.writeArticle(report('x', 'Outlet X', '2026-11-01T08:00:00Z', { fingerprint: fingerprint(3, ['b3']) }));
      const x = (await store.documentByKey('x'))!.id;
      await store.writeArticle(report('y', 'Outlet Y', '2026-11-03T08:00:00Z', { sameEventAs: x }));
      await store.writeArticle(report('xc', 'Outlet Z', '2026-11-02T08:00:00Z', { copyOf: 'x', passages: [], vectors: null }));
      await store.writeArticle(report('z', 'Outlet Z', '2026-11-10T08:00:00Z'));
      await store.writeArticle(report('w', 'Outlet W', '2026-10-20T08:00:00Z'));
      await store.writeArticle(report('u', 'Outlet U', null));
      const [y, z, w] = await Promise.all(['y', 'z', 'w'].map(async (k) => (await store.documentByKey(k))!.id));
      // Written without story terms (as before they were kept): its title and the start of its body come instead.
      const old = article('old', ['An older report of the strike.'], { comments: [] });
      await store.writeArticle({ ...old, metadata: { ...old.metadata, published: '2026-11-02T08:00:00Z' } });
      const oldId = (await store.documentByKey('old'))!.id;
      const window = { from: '2026-11-01', until: '2026-11-04' };
      const found = await store.eventCandidates(window, 10);
      expect(found.map((c) => c.id)).toEqual([y, oldId, x]);
      expect(found[1]).toMatchObject({ terms: null, title: 'Title old', lead: 'An older report of the strike.' });
      expect(found[2]).toMatchObject({ lead: '' });
      expect(found[0]).toMatchObject({
        storyId: x,
        published: '2026-11-03T08:00:00Z',
        storyStart: '2026-11-01T08:00:00Z',
        storyEnd: '2026-11-03T08:00:00Z',
        outlet: 'Outlet Y',
        language: 'en',
        terms: 'n:ferry #:1',
        title: 'Title y',
      });
      expect((await store.eventCandidates(window, 10, 'y')).map((c) => c.id)).toEqual([oldId, x]);
      expect((await store.eventCandidates(window, 1)).map((c) => c.id)).toEqual([y]);
      expect((await store.eventBackground(window, 4)).sort()).toEqual([z, w].sort());
      await store.writeArticle(article('v', ['one', 'two'], { vectors: [Float32Array.from([1, 0, 0]), Float32Array.from([0, 1, 0])] }));
      const v = (await store.documentByKey('v'))!.id;
      const vectors = await store.articleVectors([v, x, 999_999], 'm');
      expect([...vectors.get(v)!]).toEqual([0.5, 0.5, 0]);
      expect(vectors.has(x)).toBe(true);
      expect(vectors.has(999_999)).toBe(false);
      expect((await store.articleVectors([v], 'other-model')).size).toBe(0);
    });
  });
}
