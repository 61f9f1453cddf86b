import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../../ingest/chunk.js';
import { CopyDetector } from '../../../ingest/copies/copyDetector.js';
import { EXTRACTOR_VERSION } from '../../../ingest/extractorVersion.js';
import type { ChangedArticle, Existing } from '../../../ingest/stages/articleStates.js';
import { contentHashOf } from '../../../ingest/stages/detectChanges.js';
import { prepareWrite, toWrite } from '../../../ingest/stages/prepareWrite.js';
import { indexTerms } from '../../../src/core/text/terms.js';
import type { ExtractedArticle } from '../../../src/core/types.js';
import { article, candidate, openTestStore } from '../../support/ingestRun.js';

function changed(key: string, extracted: ExtractedArticle, existing: Existing = undefined): ChangedArticle {
  return {
    candidate: candidate(key, extracted),
    existing,
    article: extracted,
    summaryOnly: false,
    passages: chunkArticle(extracted),
    contentHash: contentHashOf(extracted),
  };
}

/** A story long enough to be fingerprinted (well over 40 distinct shingles). */
const LONG_BODY = Array.from(
  { length: 6 },
  (_, i) =>
    `Paragraph ${i}: the regional water board in district ${i} approved ${i + 3} new pumping stations after a dry summer left reservoir number ${i * 7} at a record low, officials said on Monday.`,
);

describe('toWrite', () => {
  it("embeds body passages with their headline and indexes every passage with the headline's terms", () => {
    const extracted = article('ferries', { comments: [{ author: 'Jo', published: null, text: 'The night ferry should run again.' }] });
    const passages = chunkArticle(extracted);
    const { write, embedTexts, isUpdate, location } = toWrite({ key: 'k', sourceId: 's', rawHash: 'r', location: 'loc' }, extracted, passages, 'hash', false);
    expect(embedTexts).toEqual(passages.map((p) => (p.section === 'body' ? `${extracted.title}. ${p.text}` : p.text)));
    expect(write.passages.map((p) => p.terms)).toEqual(passages.map((p) => indexTerms(`${extracted.title} ${p.text}`, 'en').join(' ')));
    expect(write).toMatchObject({
      key: 'k',
      sourceId: 's',
      rawHash: 'r',
      contentHash: 'hash',
      extractorVersion: EXTRACTOR_VERSION,
      summaryOnly: false,
      vectors: null,
      model: null,
      body: extracted.body,
    });
    expect(write.metadata).toMatchObject({ title: extracted.title, language: 'en' });
    expect({ isUpdate, location }).toEqual({ isUpdate: false, location: 'loc' });
  });
});

describe('prepareWrite', () => {
  it('replaces an article stored under the key (an update), not one reached through an alias', async () => {
    const copies = new CopyDetector(openTestStore());
    const stored = { viaAlias: false } as Existing;
    expect((await prepareWrite(changed('a', article('ferries')), copies)).isUpdate).toBe(false);
    expect((await prepareWrite(changed('b', article('trams'), stored), copies)).isUpdate).toBe(true);
    expect((await prepareWrite(changed('c', article('buses'), { viaAlias: true } as Existing), copies)).isUpdate).toBe(false);
  });

  it("writes a copy of a story with only its own reader comments' passages, pointing at the story's head", async () => {
    const copies = new CopyDetector(openTestStore());
    const head = await prepareWrite(changed('https://a.example/story', article('water', { body: LONG_BODY })), copies);
    expect(head.write.copyOf).toBeNull();
    expect(head.write.fingerprint).not.toBeNull();
    expect(head.write.passages.length).toBeGreaterThan(0);
    const comment = { author: 'Lena', published: null, text: 'Our village well ran dry in July.' };
    const copy = await prepareWrite(
      changed('https://b.example/story', article('water', { title: 'Water board approves pumps', body: LONG_BODY, comments: [comment] })),
      copies,
    );
    expect(copy.write.copyOf).toBe('https://a.example/story');
    expect(copy.write.passages.map((p) => [p.section, p.text])).toEqual([['comment', comment.text]]);
  });
});
