import { describe, expect, it } from 'vitest';
import { eventTerms } from '../../../ingest/stories/eventTerms.js';

describe('the terms an event is recognised by', () => {
  it('reads numbers as values whatever the language writes them', () => {
    const en = eventTerms('Strike', 'About 1,800 workers want 9.5 percent.', 'en');
    const de = eventTerms('Streik', 'Rund 1.800 Arbeiter fordern 9,5 Prozent.', 'de');
    expect(en).toEqual(expect.arrayContaining(['#:1800', '#:9.5']));
    expect(de).toEqual(expect.arrayContaining(['#:1800', '#:9.5']));
  });

  it('takes capitalised words inside sentences as names, not a sentence’s first word, and not a title-case headline’s words', () => {
    const terms = eventTerms('Dock Workers Walk Out Over Pay At Halvik', 'Workers at Port Halvik stopped work. Talks with Maren Tollefsen failed.', 'en');
    expect(terms).toEqual(expect.arrayContaining(['n:port', 'n:halvik', 'n:maren', 'n:tollefsen']));
    expect(terms).not.toContain('n:workers');
    expect(terms).not.toContain('n:talks');
    expect(terms).not.toContain('n:dock');
    // A sentence-case headline's names count.
    expect(eventTerms('Strike at Port Halvik ends', 'It ended.', 'en')).toEqual(expect.arrayContaining(['n:port', 'n:halvik']));
  });

  it('reads only the lead of a long body', () => {
    const body = `${'word '.repeat(400)} Zanzibar`;
    expect(eventTerms('Title', `The story of Kerrow. ${body}`, 'en')).toContain('n:kerrow');
    expect(eventTerms('Title', `The story of Kerrow. ${body}`, 'en')).not.toContain('n:zanzibar');
  });
});
