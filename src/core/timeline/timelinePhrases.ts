import type { Period } from './period.js';

/** The fixed phrases of a timeline, in the asker's language (English otherwise). Dates are ISO (YYYY-MM-DD) in every language. */
export interface TimelinePhrases {
  /** The period as said after a noun: "since 2026-11-02", "vom 2026-11-02 bis 2026-11-05". */
  period: (period: Period) => string;
  /** The first line: the stories of a period, or the latest ones, newest first. */
  heading: (period: string | null) => string;
  /** The honest no-answer of a period: nothing relevant and dated in it. */
  noneInPeriod: (period: string) => string;
  /** How many outlets tell a story (shown when more than one). */
  outlets: (n: number) => string;
  /** Reports without a stated date, never placed on the timeline. */
  undated: (n: number) => string;
  /** A title as quoted in the language. */
  quoted: (title: string) => string;
}

function describe(period: Period, words: { on: string; since: string; until: string; from: string; to: string }): string {
  const { since, until } = period;
  if (since && until) return since === until ? `${words.on} ${since}` : `${words.from} ${since} ${words.to} ${until}`;
  if (since) return `${words.since} ${since}`;
  return until ? `${words.until} ${until}` : '';
}

const PHRASES: Record<string, TimelinePhrases> = {
  en: {
    period: (p) => describe(p, { on: 'on', since: 'since', until: 'until', from: 'from', to: 'to' }),
    heading: (p) => (p ? `Reports ${p}, newest first:` : 'The latest reports, newest first:'),
    noneInPeriod: (p) =>
      `The ingested news does not cover this question ${p}: no relevant dated report. Try another period or rephrasing it, or ask an admin to add sources that report on it.`,
    outlets: (n) => `${n} outlets`,
    undated: (n) => `${n} report${n === 1 ? '' : 's'} on this without a stated date ${n === 1 ? 'is' : 'are'} not placed on the timeline.`,
    quoted: (t) => `“${t}”`,
  },
  de: {
    period: (p) => describe(p, { on: 'am', since: 'seit', until: 'bis', from: 'vom', to: 'bis' }),
    heading: (p) => (p ? `Meldungen ${p}, die neueste zuerst:` : 'Die neuesten Meldungen, die neueste zuerst:'),
    noneInPeriod: (p) =>
      `Die erfassten Nachrichten behandeln diese Frage ${p} nicht: keine passende datierte Meldung. Versuchen Sie einen anderen Zeitraum, formulieren Sie sie anders oder bitten Sie einen Admin, passende Quellen hinzuzufügen.`,
    outlets: (n) => `${n} Medien`,
    undated: (n) => `${n} Meldung${n === 1 ? '' : 'en'} dazu ohne angegebenes Datum ${n === 1 ? 'steht' : 'stehen'} nicht in der Zeitleiste.`,
    quoted: (t) => `„${t}“`,
  },
  it: {
    period: (p) => describe(p, { on: 'il', since: 'dal', until: 'fino al', from: 'dal', to: 'al' }),
    heading: (p) => (p ? `Notizie ${p}, dalla più recente:` : 'Le ultime notizie, dalla più recente:'),
    noneInPeriod: (p) =>
      `Le notizie acquisite non trattano questa domanda ${p}: nessun articolo pertinente e datato. Prova un altro periodo o riformulala, oppure chiedi a un admin di aggiungere fonti pertinenti.`,
    outlets: (n) => `${n} testate`,
    undated: (n) =>
      n === 1
        ? '1 articolo sul tema senza data indicata non è inserito nella cronologia.'
        : `${n} articoli sul tema senza data indicata non sono inseriti nella cronologia.`,
    quoted: (t) => `«${t}»`,
  },
  fr: {
    period: (p) => describe(p, { on: 'le', since: 'depuis le', until: 'jusqu’au', from: 'du', to: 'au' }),
    heading: (p) => (p ? `Nouvelles ${p}, de la plus récente à la plus ancienne :` : 'Les dernières nouvelles, de la plus récente à la plus ancienne :'),
    noneInPeriod: (p) =>
      `Les actualités collectées ne traitent pas cette question ${p} : aucun article pertinent et daté. Essayez une autre période ou reformulez-la, ou demandez à un admin d’ajouter des sources qui en parlent.`,
    outlets: (n) => `${n} médias`,
    undated: (n) =>
      n === 1
        ? '1 article sur le sujet sans date indiquée n’est pas placé sur la chronologie.'
        : `${n} articles sur le sujet sans date indiquée ne sont pas placés sur la chronologie.`,
    quoted: (t) => `« ${t} »`,
  },
  es: {
    period: (p) => describe(p, { on: 'el', since: 'desde el', until: 'hasta el', from: 'del', to: 'al' }),
    heading: (p) => (p ? `Noticias ${p}, de la más reciente a la más antigua:` : 'Las últimas noticias, de la más reciente a la más antigua:'),
    noneInPeriod: (p) =>
      `Las noticias recopiladas no tratan esta pregunta ${p}: ningún artículo pertinente y fechado. Prueba otro periodo o reformúlala, o pide a un admin que añada fuentes que informen sobre ello.`,
    outlets: (n) => `${n} medios`,
    undated: (n) =>
      n === 1
        ? '1 artículo sobre el tema sin fecha indicada no se incluye en la cronología.'
        : `${n} artículos sobre el tema sin fecha indicada no se incluyen en la cronología.`,
    quoted: (t) => `«${t}»`,
  },
};

export function timelinePhrases(language: string): TimelinePhrases {
  return PHRASES[language] ?? PHRASES.en!;
}
