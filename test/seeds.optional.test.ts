/**
 * Optional checks against the real articles in ../shared/seeds (present on the team's
 * machines and in CI, not part of this repo). Skipped, with the reason in the name, where
 * the folder does not exist; the project's own fixtures cover the same behaviour.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../ingest/extract/plainText.js';
import { ingest } from '../ingest/pipeline.js';
import { parseSourceEntry } from '../ingest/sources/sourceSpecs.js';
import { KnowledgeBase } from '../src/core/knowledgeBase.js';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.js';
import { unavailable } from './support/countingEmbeddings.js';
import { tempDir } from './support/tempDir.js';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const present = existsSync(SEEDS);

function extract(name: string) {
  return extractFromText(readFileSync(join(SEEDS, name), 'utf8'), { location: name, source: name, url: null });
}

describe.skipIf(!present)('shared seed articles (only when ../shared/seeds exists)', () => {
  it('separates the comment thread and reads the prose date of the English article', () => {
    const a = extract('000_d40680f510f3783f.txt');
    expect(a).toMatchObject({ title: 'Nokia and Xiaomi sign a collaboration agreement', published: '2017-07-05', language: 'en' });
    expect(a.body).toHaveLength(1);
    expect(a.comments.length).toBeGreaterThan(15);
  });

  it('drops chrome and the author bio of the Italian article', () => {
    const a = extract('001_594acaf3b1550603.txt');
    expect(a).toMatchObject({
      title: 'Xiaomi e Nokia avviano una collaborazione strategica',
      published: null,
      language: 'it',
      author: 'Salvatore Emanuele Castaldo',
    });
    const body = a.body.join('\n');
    expect(body).not.toMatch(/Recent Posts|HONOR MagicPad|classe '93/);
    expect(a.comments).toEqual([]);
  });

  it('finds the comment section of the German article and the outlet of the other', () => {
    const a = extract('002_33800d98d699d656.txt');
    expect(a.language).toBe('de');
    expect(a.comments.map((c) => c.author)).toEqual(['Assassin', 'Michael', 'Groo']);
    expect(a.body.join('\n')).not.toMatch(/wpDiscuz|Schreibe einen Kommentar|Kommentar Updates|Assassin/);
    expect(extract('003_00907ddf9b30b899.txt')).toMatchObject({ language: 'de', outlet: 'miui-germany.de', published: null });
  });

  it('answers across languages and declines uncovered questions', async () => {
    const data = join(tempDir(), 'data');
    await ingest({ dataDir: data, sources: [parseSourceEntry(SEEDS)], embeddings: unavailable(), fetchTimeoutMs: 1000, maxArticleBytes: 1e6 });
    const store = SqliteStore.open(data);
    const kb = new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status });
    const qualcomm = await kb.ask('How much are the agreements Qualcomm signed with Xiaomi worth?');
    expect(qualcomm.answer).toMatch(/12 (billion|Milliarden)/);
    expect(qualcomm.citations[0]!.source).toBe('003_00907ddf9b30b899.txt');
    // Without the model, a question shares words with an article of its own language (names aside).
    const barra = await kb.ask('Wer war bei Xiaomi für die internationale Expansion zuständig?');
    expect(barra.answer).toContain('Hugo Barra');
    const miui = await kb.ask('Cosa potrebbe fornire Xiaomi agli smartphone Nokia?');
    expect(miui.answer).toContain('MIUI');
    expect((await kb.ask('Who won the 2018 World Cup?')).noAnswer).toBe(true);
    store.close();
  });
});
