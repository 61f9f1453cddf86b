/** The fixed phrases of a digest, in the five answer languages (English otherwise). */
export interface DigestPhrases {
  heading: (since: string, until: string) => string;
  topicHeading: (topic: string, since: string, until: string) => string;
  nothingNew: (since: string) => string;
  nothingOnTopic: (topic: string, since: string) => string;
  outlets: (n: number) => string;
  sourcesHeading: string;
  /** Said when the LLM's summaries could not be used and the digest is the offline one. */
  summaryFallback: string;
}

const PHRASES: Record<string, DigestPhrases> = {
  en: {
    heading: (s, u) => `Main stories from ${s} to ${u}`,
    topicHeading: (t, s, u) => `Main stories on “${t}” from ${s} to ${u}`,
    nothingNew: (s) => `Nothing new since ${s}.`,
    nothingOnTopic: (t, s) => `Nothing on “${t}” since ${s}.`,
    outlets: (n) => `${n} outlet${n === 1 ? '' : 's'}`,
    sourcesHeading: 'Sources',
    summaryFallback: 'The summaries could not be checked against the articles; these are the articles’ own first sentences.',
  },
  de: {
    heading: (s, u) => `Die wichtigsten Meldungen vom ${s} bis ${u}`,
    topicHeading: (t, s, u) => `Die wichtigsten Meldungen zu „${t}“ vom ${s} bis ${u}`,
    nothingNew: (s) => `Nichts Neues seit ${s}.`,
    nothingOnTopic: (t, s) => `Nichts zu „${t}“ seit ${s}.`,
    outlets: (n) => `${n} ${n === 1 ? 'Medium' : 'Medien'}`,
    sourcesHeading: 'Quellen',
    summaryFallback: 'Die Zusammenfassungen ließen sich nicht an den Artikeln prüfen; hier stehen die ersten Sätze der Artikel.',
  },
  it: {
    heading: (s, u) => `Le notizie principali dal ${s} al ${u}`,
    topicHeading: (t, s, u) => `Le notizie principali su «${t}» dal ${s} al ${u}`,
    nothingNew: (s) => `Niente di nuovo dal ${s}.`,
    nothingOnTopic: (t, s) => `Niente su «${t}» dal ${s}.`,
    outlets: (n) => `${n} ${n === 1 ? 'testata' : 'testate'}`,
    sourcesHeading: 'Fonti',
    summaryFallback: 'Non è stato possibile verificare i riassunti sugli articoli: ecco le prime frasi degli articoli.',
  },
  fr: {
    heading: (s, u) => `Les principales informations du ${s} au ${u}`,
    topicHeading: (t, s, u) => `Les principales informations sur « ${t} » du ${s} au ${u}`,
    nothingNew: (s) => `Rien de nouveau depuis le ${s}.`,
    nothingOnTopic: (t, s) => `Rien sur « ${t} » depuis le ${s}.`,
    outlets: (n) => `${n} média${n === 1 ? '' : 's'}`,
    sourcesHeading: 'Sources',
    summaryFallback: 'Les résumés n’ont pas pu être vérifiés dans les articles ; voici les premières phrases des articles.',
  },
  es: {
    heading: (s, u) => `Las principales noticias del ${s} al ${u}`,
    topicHeading: (t, s, u) => `Las principales noticias sobre «${t}» del ${s} al ${u}`,
    nothingNew: (s) => `Nada nuevo desde el ${s}.`,
    nothingOnTopic: (t, s) => `Nada sobre «${t}» desde el ${s}.`,
    outlets: (n) => `${n} medio${n === 1 ? '' : 's'}`,
    sourcesHeading: 'Fuentes',
    summaryFallback: 'No se pudieron comprobar los resúmenes con los artículos; estas son las primeras frases de los artículos.',
  },
};

export function digestPhrasesFor(language: string): DigestPhrases {
  return PHRASES[language] ?? PHRASES.en!;
}
