import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchPolicy } from '../../ingest/sources/fetchPolicy.js';
import { loadConfig } from '../../src/app/config.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import { DeskScopes } from '../../src/discord/desks/deskScopes.js';
import { addOpmlFeeds } from '../../src/discord/desks/opmlEntries.js';
import { placeOf } from '../../src/discord/desks/place.js';
import { removeFromDesk } from '../../src/discord/desks/sourceRemoval.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/openStore.js';
import { tempDir } from '../support/tempDir.js';

let store: KnowledgeStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function openTempStore(): Promise<{ store: KnowledgeStore; root: string }> {
  const root = tempDir('deskdiscord-unit-');
  store = await openStore({ dataDir: join(root, 'data') });
  return { store, root };
}

const feed = (url: string, title = url) => ({ url, title });

describe('desk sources in a real SQLite store', () => {
  it('scopes a server to the global sources plus its own for the channel asked in (a thread as its parent); DMs and no desks at all differ', async () => {
    const { store, root } = await openTempStore();
    const config = loadConfig({ DATA_DIR: join(root, 'data'), NEWS_SOURCES: `${root}/docs,https://global.example/feed.xml` });
    const scopes = new DeskScopes(store, config, createLogger('silent'));
    expect(await scopes.forPlace({ guildId: 'g1', channelId: 'c1' })).toBeUndefined();
    await store.addDeskSource({ guildId: 'g1', channelId: null, url: 'https://a.example/feed.xml', kind: 'feed', title: null, addedBy: 'u' });
    await store.addDeskSource({ guildId: 'g1', channelId: 'c2', url: 'https://a.example/only-c2.html', kind: 'page', title: null, addedBy: 'u' });
    await store.addDeskSource({ guildId: 'g2', channelId: null, url: 'https://b.example/feed.xml', kind: 'feed', title: null, addedBy: 'u' });
    const global = [`${root}/docs`, 'https://global.example/feed.xml'];
    expect((await scopes.forPlace({ guildId: 'g1', channelId: 'c1' }))?.sourceIds).toEqual([...global, 'https://a.example/feed.xml']);
    const thread = { isThread: () => true, parentId: 'c2' };
    expect((await scopes.forPlace(placeOf('g1', 'thread-9', thread)))?.sourceIds).toEqual([
      ...global,
      'https://a.example/feed.xml',
      'https://a.example/only-c2.html',
    ]);
    expect((await scopes.forPlace(placeOf(null, 'dm', null)))?.sourceIds).toEqual(global);
  });

  it('imports OPML entries up to the limit, skipping duplicates and literal local addresses with their reasons', async () => {
    const { store } = await openTempStore();
    await store.addDeskSource({ guildId: 'g1', channelId: null, url: 'https://dup.example/feed.xml', kind: 'feed', title: null, addedBy: 'u' });
    const outcome = await addOpmlFeeds(
      [
        feed('https://dup.example/feed.xml'),
        feed('http://127.0.0.1:8080/feed.xml', 'Local'),
        feed('https://one.example/rss?utm_source=x', 'One'),
        feed('https://two.example/rss'),
      ],
      { store, guildId: 'g1', addedBy: 'u', room: 1, limit: 2, policy: new FetchPolicy() },
    );
    expect(outcome.added.map((s) => [s.url, s.title])).toEqual([['https://one.example/rss', 'One']]);
    expect(outcome.skipped.map((s) => [s.entry, s.reason.replace(/:.*/, '')])).toEqual([
      ['https://dup.example/feed.xml', 'already a source of this server'],
      ['Local', 'refused'],
      ['https://two.example/rss', 'this server has reached its limit of 2 sources (MAX_SOURCES_PER_SERVER); remove one with /feeds remove first'],
    ]);
  });

  it('removing a source from one server keeps articles another server or a global source still brings', async () => {
    const { store } = await openTempStore();
    const shared = 'https://shared.example/feed.xml';
    const a = (await store.addDeskSource({ guildId: 'g1', channelId: null, url: shared, kind: 'feed', title: null, addedBy: 'u' })).source;
    const b = (await store.addDeskSource({ guildId: 'g2', channelId: null, url: shared, kind: 'feed', title: null, addedBy: 'u' })).source;
    const removals: string[] = [];
    const watched = new Proxy(store, {
      get: (target, key) =>
        key === 'removeSourceArticles'
          ? async (id: string) => {
              removals.push(id);
              return target.removeSourceArticles(id);
            }
          : Reflect.get(target, key, target),
    });
    await removeFromDesk(watched, 'g1', [a], []);
    expect(removals).toEqual([]);
    expect((await store.deskSources('g1')).length).toBe(0);
    await removeFromDesk(watched, 'g2', [b], [shared]);
    expect(removals).toEqual([]);
    const c = (await store.addDeskSource({ guildId: 'g2', channelId: null, url: shared, kind: 'feed', title: null, addedBy: 'u' })).source;
    await removeFromDesk(watched, 'g2', [c], []);
    expect(removals).toEqual([shared]);
  });
});
