import type { LocalizationMap } from 'discord.js';

/**
 * Names and descriptions of the slash commands in the languages the bot answers in. Discord
 * shows each user the names of their client's language; the English names stay the defaults
 * (and the contract). Names follow Discord's rules: lowercase, no spaces, at most 32 characters.
 */
type Texts = { de: string; it: string; fr: string; es: string };

function map(texts: Texts): LocalizationMap {
  return { de: texts.de, it: texts.it, fr: texts.fr, 'es-ES': texts.es, 'es-419': texts.es };
}

export const LOCALIZED = {
  ask: {
    name: map({ de: 'fragen', it: 'chiedi', fr: 'demander', es: 'preguntar' }),
    description: map({
      de: 'Stelle eine Frage zu den Nachrichten; die Antwort nennt ihre Quellen.',
      it: 'Fai una domanda sulle notizie; la risposta cita le sue fonti.',
      fr: 'Posez une question sur l’actualité ; la réponse cite ses sources.',
      es: 'Haz una pregunta sobre las noticias; la respuesta cita sus fuentes.',
    }),
  },
  askQuestion: {
    name: map({ de: 'frage', it: 'domanda', fr: 'question', es: 'pregunta' }),
    description: map({
      de: 'Deine Frage, in jeder Sprache',
      it: 'La tua domanda, in qualsiasi lingua',
      fr: 'Votre question, dans n’importe quelle langue',
      es: 'Tu pregunta, en cualquier idioma',
    }),
  },
  askPrivate: {
    name: map({ de: 'privat', it: 'privato', fr: 'prive', es: 'privado' }),
    description: map({
      de: 'Die Antwort nur dir zeigen',
      it: 'Mostra la risposta solo a te',
      fr: 'Afficher la réponse à vous seul',
      es: 'Mostrar la respuesta solo a ti',
    }),
  },
  askThread: {
    name: map({ de: 'thread', it: 'discussione', fr: 'fil', es: 'hilo' }),
    description: map({
      de: 'Einen Thread zur Antwort starten; Nachrichten darin sind Nachfragen',
      it: 'Apri una discussione dalla risposta; i messaggi lì sono domande di seguito',
      fr: 'Ouvrir un fil depuis la réponse ; les messages du fil sont des questions de suite',
      es: 'Abrir un hilo desde la respuesta; los mensajes del hilo son preguntas de seguimiento',
    }),
  },
  sources: {
    name: map({ de: 'quellen', it: 'fonti', fr: 'sources', es: 'fuentes' }),
    description: map({
      de: 'Zeigt die passenden Nachrichtenpassagen mit ihren Quellen zum Selberlesen.',
      it: 'Mostra i passaggi delle notizie pertinenti, con le fonti, da leggere da sé.',
      fr: 'Affiche les passages d’actualité pertinents, avec leurs sources, à lire soi-même.',
      es: 'Muestra los pasajes de noticias pertinentes, con sus fuentes, para leerlos.',
    }),
  },
  sourcesQuery: {
    name: map({ de: 'suche', it: 'ricerca', fr: 'recherche', es: 'busqueda' }),
    description: map({ de: 'Wonach gesucht wird', it: 'Cosa cercare', fr: 'Ce qu’il faut chercher', es: 'Qué buscar' }),
  },
  status: {
    name: map({ de: 'status', it: 'stato', fr: 'etat', es: 'estado' }),
    description: map({
      de: 'Zeigt, was der Nachrichtenindex enthält, wann er aktualisiert wurde und wie es dem Bot geht.',
      it: 'Mostra cosa contiene l’indice delle notizie, quando è stato aggiornato e come sta il bot.',
      fr: 'Affiche le contenu de l’index, sa dernière mise à jour et l’état du bot.',
      es: 'Muestra qué contiene el índice de noticias, cuándo se actualizó y cómo está el bot.',
    }),
  },
  reingest: {
    name: map({ de: 'neu-einlesen', it: 'reimporta', fr: 'reimporter', es: 'reimportar' }),
    description: map({
      de: 'Admins: die konfigurierten Quellen jetzt neu einlesen.',
      it: 'Admin: reimporta ora le fonti configurate.',
      fr: 'Admins : réimporter maintenant les sources configurées.',
      es: 'Admins: reimportar ahora las fuentes configuradas.',
    }),
  },
} as const;
