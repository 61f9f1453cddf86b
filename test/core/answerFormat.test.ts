import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../src/core/answer/format.js';
import type { Answer } from '../../src/core/answer/types.js';

function answerIn(language: string): Answer {
  return {
    answer: 'The ferry returns in June. [1]',
    language,
    citations: [
      {
        n: 1,
        title: 'Ferry returns',
        source: 'https://w.example/f',
        url: 'https://w.example/f',
        language: 'en',
        section: 'body',
        quote: 'The ferry returns in June.',
        summaryOnly: true,
      },
    ],
  } as unknown as Answer;
}

describe('source lines', () => {
  it.each([
    ['en', 'date unknown, en, summary only'],
    ['de', 'Datum unbekannt, en, nur Zusammenfassung'],
    ['it', 'data sconosciuta, en, solo sommario'],
    ['fr', 'date inconnue, en, résumé seulement'],
    ['es', 'fecha desconocida, en, solo resumen'],
    ['pt', 'date unknown, en, summary only'],
  ])('label a feed summary and an unknown date in %s', (language, details) => {
    expect(formatAnswer(answerIn(language))).toContain(`[1] Ferry returns — ${details} — https://w.example/f`);
  });
});

describe('a story told by several articles', () => {
  const told = (articles: number, outlets: string[], outlet = 'Wire A') =>
    ({
      answer: 'The ferry returns in June. [1]',
      language: 'en',
      citations: [{ n: 1, title: 'Ferry returns', source: 'f.txt', outlet, language: 'en', section: 'body', quote: 'q', story: { id: 7, articles, outlets } }],
    }) as unknown as Answer;

  it.each([
    ['en', ' — also reported by: Wire B, Wire C, +1'],
    ['de', ' — auch berichtet von: Wire B, Wire C, +1'],
    ['it', ' — riportato anche da: Wire B, Wire C, +1'],
    ['fr', ' — également rapporté par : Wire B, Wire C, +1'],
    ['es', ' — también publicado por: Wire B, Wire C, +1'],
  ])('names the other outlets and counts the rest, in %s', (language, note) => {
    const answer = { ...told(100, ['Wire A', 'Wire B', 'Wire C', 'Wire D']), language };
    expect(formatAnswer(answer).endsWith(`f.txt${note}`)).toBe(true);
  });

  it('counts articles when no other outlet is known, names outlets when one is, and says nothing for one article', () => {
    expect(formatAnswer(told(2, ['Wire A']))).toMatch(/f\.txt — also in 1 other article$/);
    expect(formatAnswer(told(3, ['Wire A']))).toMatch(/f\.txt — also in 2 other articles$/);
    expect(formatAnswer(told(3, ['Wire A', 'Wire B']))).toMatch(/f\.txt — also reported by: Wire B$/);
    expect(formatAnswer(told(1, ['Wire A']))).toMatch(/f\.txt$/);
    expect(formatAnswer({ ...told(3, ['Wire A']), language: 'it' })).toMatch(/f\.txt — anche in altri 2 articoli$/);
  });

  it('escapes outlet names as article text', () => {
    const line = formatAnswer(told(2, ['Wire A', '**Bold** _Wire_']), { escapeText: (t) => t.replace(/([*_])/g, '\\$1') });
    expect(line).toContain('also reported by: \\*\\*Bold\\*\\* \\_Wire\\_');
  });
});
