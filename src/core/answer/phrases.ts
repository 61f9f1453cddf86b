/** The few fixed phrases of an answer, in the asker's language (English otherwise). */
export interface Phrases {
  noAnswer: string;
  readerComment: (quote: string) => string;
  dateUnknown: string;
  readerCommentLabel: string;
  sourcesHeading: string;
  /** A headline quoted with its stated publication date. */
  datedHeadline: (title: string, date: string) => string;
}

const PHRASES: Record<string, Phrases> = {
  en: {
    noAnswer: 'The ingested news does not cover this question. Try rephrasing it, or ask an admin to add sources that report on it.',
    readerComment: (q) => `A reader commented: “${q}”`,
    dateUnknown: 'date unknown',
    readerCommentLabel: 'reader comment',
    sourcesHeading: 'Sources',
    datedHeadline: (t, d) => `“${t}” (published ${d})`,
  },
  de: {
    noAnswer: 'Die erfassten Nachrichten behandeln diese Frage nicht. Formulieren Sie sie anders oder bitten Sie einen Admin, passende Quellen hinzuzufügen.',
    readerComment: (q) => `Ein Leser kommentierte: „${q}“`,
    dateUnknown: 'Datum unbekannt',
    readerCommentLabel: 'Leserkommentar',
    sourcesHeading: 'Quellen',
    datedHeadline: (t, d) => `„${t}“ (veröffentlicht am ${d})`,
  },
  it: {
    noAnswer: 'Le notizie acquisite non trattano questa domanda. Prova a riformularla o chiedi a un admin di aggiungere fonti pertinenti.',
    readerComment: (q) => `Un lettore ha commentato: «${q}»`,
    dateUnknown: 'data sconosciuta',
    readerCommentLabel: 'commento di un lettore',
    sourcesHeading: 'Fonti',
    datedHeadline: (t, d) => `«${t}» (pubblicato il ${d})`,
  },
};

export function phrasesFor(language: string): Phrases {
  return PHRASES[language] ?? PHRASES.en!;
}
