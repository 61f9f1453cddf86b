/** The few fixed phrases of an answer, in the asker's language (English otherwise). */
export interface Phrases {
  noAnswer: string;
  readerComment: (quote: string) => string;
  dateUnknown: string;
  readerCommentLabel: string;
  /** Marks a source of which only the feed's summary is stored. */
  summaryOnlyLabel: string;
  sourcesHeading: string;
  /** A headline quoted with its stated publication date. */
  datedHeadline: (title: string, date: string) => string;
  /** The same story told by other articles whose outlets are not known apart from the cited one's: how many. */
  alsoIn: (otherArticles: number) => string;
  /** The same story reported by other outlets: some of them and how many more ("B, C, +3"). */
  alsoReportedBy: (outlets: string) => string;
}

const PHRASES: Record<string, Phrases> = {
  en: {
    noAnswer: 'The ingested news does not cover this question. Try rephrasing it, or ask an admin to add sources that report on it.',
    readerComment: (q) => `A reader commented: “${q}”`,
    dateUnknown: 'date unknown',
    readerCommentLabel: 'reader comment',
    summaryOnlyLabel: 'summary only',
    sourcesHeading: 'Sources',
    datedHeadline: (t, d) => `“${t}” (published ${d})`,
    alsoIn: (n) => `also in ${n} other article${n === 1 ? '' : 's'}`,
    alsoReportedBy: (o) => `also reported by: ${o}`,
  },
  de: {
    noAnswer: 'Die erfassten Nachrichten behandeln diese Frage nicht. Formulieren Sie sie anders oder bitten Sie einen Admin, passende Quellen hinzuzufügen.',
    readerComment: (q) => `Ein Leser kommentierte: „${q}“`,
    dateUnknown: 'Datum unbekannt',
    readerCommentLabel: 'Leserkommentar',
    summaryOnlyLabel: 'nur Zusammenfassung',
    sourcesHeading: 'Quellen',
    datedHeadline: (t, d) => `„${t}“ (veröffentlicht am ${d})`,
    alsoIn: (n) => `auch in ${n} weiteren Artikel${n === 1 ? '' : 'n'}`,
    alsoReportedBy: (o) => `auch berichtet von: ${o}`,
  },
  it: {
    noAnswer: 'Le notizie acquisite non trattano questa domanda. Prova a riformularla o chiedi a un admin di aggiungere fonti pertinenti.',
    readerComment: (q) => `Un lettore ha commentato: «${q}»`,
    dateUnknown: 'data sconosciuta',
    readerCommentLabel: 'commento di un lettore',
    summaryOnlyLabel: 'solo sommario',
    sourcesHeading: 'Fonti',
    datedHeadline: (t, d) => `«${t}» (pubblicato il ${d})`,
    alsoIn: (n) => `anche in ${n === 1 ? 'un altro articolo' : `altri ${n} articoli`}`,
    alsoReportedBy: (o) => `riportato anche da: ${o}`,
  },
  fr: {
    noAnswer: 'Les actualités collectées ne traitent pas cette question. Reformulez-la, ou demandez à un admin d’ajouter des sources qui en parlent.',
    readerComment: (q) => `Un lecteur a commenté : « ${q} »`,
    dateUnknown: 'date inconnue',
    readerCommentLabel: 'commentaire de lecteur',
    summaryOnlyLabel: 'résumé seulement',
    sourcesHeading: 'Sources',
    datedHeadline: (t, d) => `« ${t} » (publié le ${d})`,
    alsoIn: (n) => `aussi dans ${n} autre${n === 1 ? '' : 's'} article${n === 1 ? '' : 's'}`,
    alsoReportedBy: (o) => `également rapporté par : ${o}`,
  },
  es: {
    noAnswer: 'Las noticias recopiladas no tratan esta pregunta. Reformúlala o pide a un admin que añada fuentes que informen sobre ello.',
    readerComment: (q) => `Un lector comentó: «${q}»`,
    dateUnknown: 'fecha desconocida',
    readerCommentLabel: 'comentario de un lector',
    summaryOnlyLabel: 'solo resumen',
    sourcesHeading: 'Fuentes',
    datedHeadline: (t, d) => `«${t}» (publicado el ${d})`,
    alsoIn: (n) => `también en ${n === 1 ? 'otro artículo' : `otros ${n} artículos`}`,
    alsoReportedBy: (o) => `también publicado por: ${o}`,
  },
};

export function phrasesFor(language: string): Phrases {
  return PHRASES[language] ?? PHRASES.en!;
}
