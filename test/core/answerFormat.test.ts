import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../src/core/answer/format.js';
import type { Answer } from '../../src/core/answer/types.js';

function answerIn(language: string): Answer {
  return {
    answer: 'The ferry returns in June. [1]',
    language,
    citations: [{ n: 1, title: 'Ferry returns', source: 'https://w.example/f', url: 'https://w.example/f', language: 'en', section: 'body', quote: 'The ferry returns in June.', summaryOnly: true }],
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
