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
      de: 'Die eigenen Quellen dieses Servers (oder die globalen, Bot-Admins) jetzt neu einlesen.',
      it: 'Reimporta ora le fonti di questo server (o quelle globali, admin del bot).',
      fr: 'Réimporter maintenant les sources de ce serveur (ou les globales, admins du bot).',
      es: 'Reimportar ahora las fuentes de este servidor (o las globales, admins del bot).',
    }),
  },
  reingestGlobal: {
    name: map({ de: 'global', it: 'globale', fr: 'global', es: 'global' }),
    description: map({
      de: 'Die globalen Quellen des Betreibers (nur Bot-Admins) statt der eigenen des Servers',
      it: 'Le fonti globali dell’operatore (solo admin del bot) invece di quelle del server',
      fr: 'Les sources globales de l’opérateur (admins du bot) au lieu de celles du serveur',
      es: 'Las fuentes globales del operador (solo admins del bot) en vez de las del servidor',
    }),
  },
  feeds: {
    name: map({ de: 'feeds', it: 'feed', fr: 'flux', es: 'feeds' }),
    description: map({
      de: 'Die eigenen Nachrichtenquellen dieses Servers verwalten (Server verwalten).',
      it: 'Gestisci le fonti di notizie di questo server (Gestire il server).',
      fr: 'Gérer les sources d’actualité propres à ce serveur (Gérer le serveur).',
      es: 'Gestionar las fuentes de noticias propias de este servidor (Gestionar servidor).',
    }),
  },
  feedsAdd: {
    name: map({ de: 'hinzufuegen', it: 'aggiungi', fr: 'ajouter', es: 'anadir' }),
    description: map({
      de: 'Eine Website, einen Feed oder eine Seite als Quelle hinzufügen',
      it: 'Aggiungi un sito, un feed o una pagina come fonte',
      fr: 'Ajouter un site, un flux ou une page comme source',
      es: 'Añadir un sitio, un feed o una página como fuente',
    }),
  },
  feedsUrl: {
    name: map({ de: 'url', it: 'url', fr: 'url', es: 'url' }),
    description: map({
      de: 'Adresse der Website, des Feeds oder der Seite',
      it: 'Indirizzo del sito, del feed o della pagina',
      fr: 'Adresse du site, du flux ou de la page',
      es: 'Dirección del sitio, del feed o de la página',
    }),
  },
  feedsChannel: {
    name: map({ de: 'kanal', it: 'canale', fr: 'salon', es: 'canal' }),
    description: map({
      de: 'Nur Fragen in diesem Kanal nutzen die Quelle (sonst der ganze Server)',
      it: 'Solo le domande in questo canale usano la fonte (altrimenti tutto il server)',
      fr: 'Seules les questions de ce salon utilisent la source (sinon tout le serveur)',
      es: 'Solo las preguntas en este canal usan la fuente (si no, todo el servidor)',
    }),
  },
  feedsList: {
    name: map({ de: 'liste', it: 'elenco', fr: 'liste', es: 'lista' }),
    description: map({
      de: 'Die Quellen dieses Servers mit Artikeln, Fehlern und nächstem Abruf',
      it: 'Le fonti di questo server con articoli, errori e prossimo controllo',
      fr: 'Les sources de ce serveur avec articles, erreurs et prochaine lecture',
      es: 'Las fuentes de este servidor con artículos, errores y próxima consulta',
    }),
  },
  feedsRemove: {
    name: map({ de: 'entfernen', it: 'rimuovi', fr: 'retirer', es: 'quitar' }),
    description: map({
      de: 'Eine Quelle dieses Servers entfernen',
      it: 'Rimuovi una fonte di questo server',
      fr: 'Retirer une source de ce serveur',
      es: 'Quitar una fuente de este servidor',
    }),
  },
  feedsSource: {
    name: map({ de: 'quelle', it: 'fonte', fr: 'source', es: 'fuente' }),
    description: map({
      de: 'Nummer oder Adresse aus /feeds list',
      it: 'Numero o indirizzo da /feeds list',
      fr: 'Numéro ou adresse de /feeds list',
      es: 'Número o dirección de /feeds list',
    }),
  },
  feedsImport: {
    name: map({ de: 'importieren', it: 'importa', fr: 'importer', es: 'importar' }),
    description: map({
      de: 'Feeds aus einer OPML-Datei (Export eines Feedreaders) hinzufügen',
      it: 'Aggiungi i feed di un file OPML (esportato da un lettore di feed)',
      fr: 'Ajouter les flux d’un fichier OPML (export d’un lecteur de flux)',
      es: 'Añadir los feeds de un archivo OPML (exportado de un lector de feeds)',
    }),
  },
  feedsFile: {
    name: map({ de: 'datei', it: 'file', fr: 'fichier', es: 'archivo' }),
    description: map({ de: 'Die OPML-Datei', it: 'Il file OPML', fr: 'Le fichier OPML', es: 'El archivo OPML' }),
  },
  feedsExport: {
    name: map({ de: 'exportieren', it: 'esporta', fr: 'exporter', es: 'exportar' }),
    description: map({
      de: 'Die Feeds dieses Servers als OPML-Datei',
      it: 'I feed di questo server come file OPML',
      fr: 'Les flux de ce serveur en fichier OPML',
      es: 'Los feeds de este servidor como archivo OPML',
    }),
  },
  // /digest (issue 24 part 3)
  digest: {
    name: map({ de: 'ueberblick', it: 'sommario', fr: 'resume', es: 'resumen' }),
    description: map({
      de: 'Die wichtigsten Meldungen eines Zeitraums mit ihren Quellen.',
      it: 'Le notizie principali di un periodo, con le loro fonti.',
      fr: 'Les principales informations d’une période, avec leurs sources.',
      es: 'Las principales noticias de un periodo, con sus fuentes.',
    }),
  },
  digestShow: {
    name: map({ de: 'zeigen', it: 'mostra', fr: 'afficher', es: 'mostrar' }),
    description: map({
      de: 'Die wichtigsten Meldungen seit einem Datum (Standard: 24 Stunden)',
      it: 'Le notizie principali da una data (predefinito: 24 ore)',
      fr: 'Les principales informations depuis une date (par défaut : 24 heures)',
      es: 'Las principales noticias desde una fecha (por defecto: 24 horas)',
    }),
  },
  digestSchedule: {
    name: map({ de: 'planen', it: 'pianifica', fr: 'planifier', es: 'programar' }),
    description: map({
      de: 'Jeden Tag zu einer Uhrzeit einen Überblick in einem Kanal posten (Server verwalten)',
      it: 'Pubblica ogni giorno a un’ora un sommario in un canale (Gestire il server)',
      fr: 'Publier chaque jour à une heure un résumé dans un salon (Gérer le serveur)',
      es: 'Publicar cada día a una hora un resumen en un canal (Gestionar servidor)',
    }),
  },
  digestUnschedule: {
    name: map({ de: 'stoppen', it: 'annulla', fr: 'arreter', es: 'cancelar' }),
    description: map({
      de: 'Den täglichen Überblick beenden (Server verwalten)',
      it: 'Interrompi il sommario quotidiano (Gestire il server)',
      fr: 'Arrêter le résumé quotidien (Gérer le serveur)',
      es: 'Detener el resumen diario (Gestionar servidor)',
    }),
  },
  digestTopic: {
    name: map({ de: 'thema', it: 'argomento', fr: 'sujet', es: 'tema' }),
    description: map({
      de: 'Nur Meldungen zu diesem Thema',
      it: 'Solo le notizie su questo argomento',
      fr: 'Seulement les informations sur ce sujet',
      es: 'Solo las noticias sobre este tema',
    }),
  },
  digestSince: {
    name: map({ de: 'seit', it: 'dal', fr: 'depuis', es: 'desde' }),
    description: map({
      de: 'Datum (JJJJ-MM-TT) oder englische Angabe wie "3 days ago"',
      it: 'Data (AAAA-MM-GG) o espressione inglese come "3 days ago"',
      fr: 'Date (AAAA-MM-JJ) ou expression anglaise comme "3 days ago"',
      es: 'Fecha (AAAA-MM-DD) o expresión inglesa como "3 days ago"',
    }),
  },
  digestChannel: {
    name: map({ de: 'kanal', it: 'canale', fr: 'salon', es: 'canal' }),
    description: map({
      de: 'Der Kanal, in dem der Überblick erscheint',
      it: 'Il canale in cui pubblicare il sommario',
      fr: 'Le salon où publier le résumé',
      es: 'El canal donde publicar el resumen',
    }),
  },
  digestTime: {
    name: map({ de: 'uhrzeit', it: 'ora', fr: 'heure', es: 'hora' }),
    description: map({
      de: 'Uhrzeit HH:MM (24 h) in der Zeitzone des Servers',
      it: 'Ora HH:MM (24 h) nel fuso orario del server',
      fr: 'Heure HH:MM (24 h) dans le fuseau horaire du serveur',
      es: 'Hora HH:MM (24 h) en la zona horaria del servidor',
    }),
  },
  digestTimezone: {
    name: map({ de: 'zeitzone', it: 'fusoorario', fr: 'fuseau', es: 'zonahoraria' }),
    description: map({
      de: 'Zeitzone des Servers (IANA, z. B. Europe/Berlin); wird gespeichert',
      it: 'Fuso orario del server (IANA, es. Europe/Rome); viene salvato',
      fr: 'Fuseau horaire du serveur (IANA, ex. Europe/Paris) ; il est enregistré',
      es: 'Zona horaria del servidor (IANA, p. ej. Europe/Madrid); se guarda',
    }),
  },
  digestUnscheduleChannel: {
    name: map({ de: 'kanal', it: 'canale', fr: 'salon', es: 'canal' }),
    description: map({
      de: 'Nur den Überblick dieses Kanals beenden (sonst alle des Servers)',
      it: 'Solo il sommario di questo canale (altrimenti tutti quelli del server)',
      fr: 'Seulement le résumé de ce salon (sinon tous ceux du serveur)',
      es: 'Solo el resumen de este canal (si no, todos los del servidor)',
    }),
  },
} as const;
