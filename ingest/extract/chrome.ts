/**
 * Recognisers for site chrome and comment sections in extracted text, in the languages
 * the bot serves. Kept as data so a new outlet's boilerplate is a one-line addition.
 */

/** A line that starts a trailing block of non-content (related posts, author box). */
const CHROME_TAIL_HEADINGS = [
  /^(recent|related|popular|latest|more) (posts|articles|stories|news)$/i,
  /^(you may also like|read more|read next|see also)$/i,
  /^(articoli (recenti|correlati)|potrebbe interessarti|leggi anche|ultimi articoli)$/i,
  /^(ähnliche (beiträge|artikel)|weitere artikel|das könnte dich (auch )?interessieren|neueste beiträge)$/i,
  /^(about the author|über den autor|sull'autore|l'autore|à propos de l'auteur)$/i,
];

/** A line that starts the reader-comment section. */
const COMMENT_HEADINGS = [
  /^(\d+\s+)?(comments?|reader comments|leave a (comment|reply)|join the discussion|discussion)$/i,
  /^(\d+\s+)?(kommentare?|schreibe einen kommentar|kommentar schreiben|leserkommentare)$/i,
  /^(\d+\s+)?(commenti|lascia un commento|scrivi un commento|commenta)$/i,
  /^(\d+\s+)?(commentaires?|laisser un commentaire)$/i,
];

/** Single lines that are never content (navigation, share buttons, widget names). */
const CHROME_LINES = [
  /^(news|home|menu|search|share|tweet|teilen|condividi|partager|print|drucken|stampa|advertisement|anzeige|pubblicità|werbung|reply|antworten|rispondi|like|report|top|next|previous|weiter|zurück)$/i,
  /^\d{1,4}$/, // comment counters, page numbers
  /^(kommentar updates|wpdiscuz|notify of|benachrichtige mich|notificami|subscribe|abonnieren|iscriviti)$/i,
  /^[\w\s-]{0,40}\b\d{2,4}x\d{2,4}$/i, // image file names used as alt text ("mi box us 1200x588")
  /^(related|see also|read more|leggi anche|vedi anche|mehr zum thema|auch interessant|lesen sie auch|voir aussi)\s*:/i,
];

/** Phrases that mark a whole paragraph as promotion or social chrome. */
const CHROME_PHRASES = [
  /\b(follow us|subscribe to (our|the) newsletter|sign up for (our|the) newsletter|share this (article|story)|all rights reserved|cookie)/i,
  /\b(seguici sui social|discuti con noi|non perdere alcuna notizia|canale offerte|gruppo telegram|iscriviti (al|alla) (nostro|nostra)?)/i,
  /\b(folge uns|newsletter abonnieren|unterstützen möchte|via - paypal|vielen dank und viel spass|jetzt teilen)/i,
  /\b(suivez-nous|abonnez-vous)/i,
];

/** Lines introducing one reader comment by its author's role ("Gast", "Mitglied", "Guest"). */
const COMMENTER_ROLE = /^(gast|mitglied|guest|member|ospite|membro|invité|anonymous)$/i;

/** "  • Jerry101923": a bulleted commenter name (gsmarena-style threads). */
const BULLET_AUTHOR = /^\s*[•·▪●◦‣*]\s+(\S.{0,38})$/;

/** "By Hannah Clarke · 14 August 2026": a byline, i.e. metadata. Returns the author's name. */
export function bylineAuthor(line: string): string | null {
  const match = line.trim().match(/^(?:[Bb]y|[Vv]on|[Dd]i|[Pp]ar|[Pp]or)\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s*(?:[·|,–—-].*)?$/u);
  return match ? match[1]! : null;
}

export function isChromeTailHeading(line: string): boolean {
  return CHROME_TAIL_HEADINGS.some((re) => re.test(line.trim()));
}

export function isAuthorBoxHeading(line: string): boolean {
  return /^(about the author|über den autor|sull'autore|l'autore|à propos de l'auteur)$/i.test(line.trim());
}

export function isCommentHeading(line: string): boolean {
  return COMMENT_HEADINGS.some((re) => re.test(line.trim()));
}

export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  return CHROME_LINES.some((re) => re.test(trimmed)) || CHROME_PHRASES.some((re) => re.test(trimmed));
}

export function isCommenterRole(line: string): boolean {
  return COMMENTER_ROLE.test(line.trim());
}

/** The commenter's name when the line is a bulleted author line, else null. */
export function bulletAuthor(line: string): string | null {
  const match = line.match(BULLET_AUTHOR);
  if (!match) return null;
  const name = match[1]!.trim();
  // A name has no sentence punctuation and few words.
  if (/[.!?:;]$/.test(name) || name.split(/\s+/).length > 4) return null;
  return name;
}

/** Strips image alt text glued to a paragraph ("xiaomi 2017 300x200Laut einer ..."). */
export function stripGluedImageCaption(line: string): string {
  return line.replace(/^[\w\s-]{0,60}?\b\d{2,4}x\d{2,4}(?=\p{Lu})/u, '');
}

/**
 * Removes a quoted parent comment from a reply ("Bailey, 05 Jul 2017There is ... moreAre
 * that patients still alive?" -> "Are that patients still alive?").
 */
export function stripQuotedReply(text: string): string {
  const quoteHead = /^[^,\n]{1,40},\s+\d{1,2}\s+\p{L}{3,9}\s+\d{4}/u;
  if (!quoteHead.test(text)) return text;
  const more = text.search(/(\.\.\.|…)\s?more(?=\S)/);
  if (more >= 0) return text.slice(text.indexOf('more', more) + 4).trim();
  return text.replace(quoteHead, '').trim();
}
