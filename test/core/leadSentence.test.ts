import { describe, expect, it } from 'vitest';
import { leadSentence } from '../../src/core/text/leadSentence.js';

describe('the lead sentence of a timeline or digest line', () => {
  it('passes over a byline or dateline at the top of the text to the first sentence of prose', () => {
    const text = 'By Hannah Clarke · 14 August 2026\nThe water level at the Kaub gauge fell to 38 centimetres on Thursday. Barges sail a third full.';
    expect(leadSentence(text, 'en', 240)).toBe('The water level at the Kaub gauge fell to 38 centimetres on Thursday.');
  });

  it('keeps a first sentence that reads as prose, in other scripts too', () => {
    expect(leadSentence('Le volcan est entré en éruption mercredi. Les vols sont annulés.', 'fr', 240)).toBe('Le volcan est entré en éruption mercredi.');
    expect(leadSentence('火山が水曜日に噴火した。空港は閉鎖された。', 'ja', 240)).toBe('火山が水曜日に噴火した。');
  });

  it('falls back to the first sentence when nothing ends as prose, and cuts a long one at a word', () => {
    expect(leadSentence('Photo: Reuters', 'en', 240)).toBe('Photo: Reuters');
    const long = `${'word '.repeat(80)}end.`;
    const lead = leadSentence(long, 'en', 50);
    expect(lead.endsWith(' …')).toBe(true);
    expect(lead.length).toBeLessThanOrEqual(52);
  });
});
