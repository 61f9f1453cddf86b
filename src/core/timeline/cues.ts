/**
 * What makes a question time-shaped, per answer language: the words asking for news. Matched
 * case-insensitively on the question with its apostrophes unified to ' (after the period has
 * been taken out, period.ts), as whole words. The prepositions after a cue ("latest ON",
 * "Neues ZUM", "novità SULLO") belong to the cue, so that the rest of the question is its topic.
 *
 * Two kinds, and the rule that decides (timeQuestion.ts):
 * - `news`: asking for the latest, what is new, news about, updates, developments. Time-shaped
 *   on its own: without a period it means "the most recent stories".
 * - `events`: "what happened". Time-shaped only with a period ("what happened with X this
 *   week"), since without one it asks about an event, answered as any question.
 * A period alone ("who won the vote on Monday?") never makes a timeline.
 *
 * `residue`: words that ask rather than name the subject ("tell me", a "latest" or "news" the
 * cues did not take in): taken out of the topic wherever they stand, since a topic word no
 * article holds would weigh most in every passage's relevance.
 */
export interface LanguageCues {
  news: string[];
  events: string[];
  residue: string[];
}

/** English prepositions after a cue. */
const EN_AFTER = '(?: (?:on|about|with|regarding|concerning|in|at|from|for|to))?';
const DE_AFTER = '(?: (?:zu|zum|zur|über|bei|beim|von|vom|aus|in|im|mit|für|rund um))?';
const IT_AFTER =
  "(?: (?:su|sul|sullo|sulla|sull'|sui|sugli|sulle|di|del|dello|della|dell'|dei|degli|delle|per|in|nel|nello|nella|nell'|con|riguardo a|riguardo al|riguardo alla|riguardo all'|circa))?";
const FR_AFTER = "(?: (?:sur|de|du|des|d'|concernant|à propos de|à propos du|à propos des|à propos d'|avec|pour|dans|chez|du côté de|du côté du|du côté des))?";
const ES_AFTER = '(?: (?:sobre|de|del|en|con|acerca de|acerca del|respecto a|respecto al|para))?';

export const CUES: Record<string, LanguageCues> = {
  en: {
    news: [
      // "what's the latest on", "what is the news about"
      `what(?:'s| is| are)? (?:the )?(?:latest|newest)(?: news| updates?| developments?)?${EN_AFTER}`,
      // "latest on", "the latest news about", "any latest updates": "latest" alone ("the latest offer") is not a cue
      `(?:the |any )?(?:latest|newest|recent) (?:(?:news|updates?|developments?|reports?|headlines|stories)${EN_AFTER}|on|about|regarding|with|from)`,
      // "what's new about", "what is new with", "anything new on", "any news about"
      `what(?:'s| is| has been)? new${EN_AFTER}`,
      `(?:is there |are there )?any(?:thing)? new(?:s)?${EN_AFTER}`,
      // "news about", "news on"
      `(?:the )?news (?:on|about|regarding|concerning|from|of)`,
      // "updates on", "developments in", "strike updates", "Halvik news?"
      `(?:the |any )?(?:updates?|developments?) (?:on|about|in|regarding|with|concerning)`,
      'news updates?',
      'news(?=[\\s?.!]*$)',
      // "what's going on with", "what's been going on in"
      `what(?:'s| is| has)?(?: been)? going on${EN_AFTER}`,
      // "a timeline of"
      `(?:a |the )?timeline (?:of|for|on)`,
    ],
    // "what happened with", "what has been happening in", "what went on at"
    events: [`what(?:'s| has| have)? (?:happened|been happening|occurred|went on)${EN_AFTER}`, `(?:has |have )?happened${EN_AFTER}`],
    residue: ['(?:(?:can|could) you |please )*(?:tell|give|show) (?:me|us)(?: about)?', 'latest|newest|recent|news|updates?|developments?|headlines'],
  },
  de: {
    news: [
      // "Was gibt es Neues zum", "Gibt es Neuigkeiten über"
      `(?:was )?(?:gibt|gab)(?:'s| es)?(?: etwas)? (?:neues|neuigkeiten)${DE_AFTER}`,
      `(?:etwas )?neues (?:zu|zum|zur|über|bei|beim|von|vom|aus|in|im|mit)`,
      `was ist neu${DE_AFTER}`,
      // "die neuesten Nachrichten zum", "Neuigkeiten vom"
      `(?:die )?(?:neuesten |letzten |aktuellen )?neuigkeiten${DE_AFTER}`,
      `(?:die |das )?neuesten? (?:(?:nachrichten|meldungen|entwicklungen|informationen|infos)${DE_AFTER}|zu|zum|zur|über|bei|beim|von|vom|aus)`,
      // "Nachrichten über", "aktuelle Meldungen zum", "Entwicklungen bei"
      `(?:aktuelle |neue |jüngste |letzte )?(?:nachrichten|meldungen|entwicklungen) (?:zu|zum|zur|über|bei|beim|von|vom|aus|in|im|rund um)`,
      // "der aktuelle Stand beim", "wie ist der Stand bei"
      `(?:wie ist )?(?:der )?(?:aktuelle )?stand (?:der dinge )?(?:zu|zum|zur|bei|beim|in|im)`,
      // "was ist los mit"
      `was ist (?:los|passiert) (?:mit|bei|beim|in|im)`,
      `(?:eine )?(?:zeitleiste|chronologie|chronik) (?:zu|zum|zur|über|des|der)`,
    ],
    // "Was ist (seit Montag beim Streik) passiert", "was ist geschehen" (not "getan": "was hat er getan" asks what someone did)
    events: ['(?:ist |sind |hat sich |haben sich )?(?:passiert|geschehen|ereignet|vorgefallen)'],
    residue: [
      '(?:sag|zeig|gib|sagen sie|zeigen sie|geben sie) (?:mir|uns)',
      "neueste[nrs]?|aktuelle[nrs]?|neues|nachrichten|neuigkeiten|meldungen|gibt's|gab es|gibt es",
    ],
  },
  it: {
    news: [
      // "cosa c'è di nuovo sullo"
      `(?:che |cosa |che cosa |cos')?(?:c'è|ci sono|c'e) di nuovo${IT_AFTER}`,
      // "novità sullo", "ci sono novità su", "le novità della"
      `(?:ci sono |le |qualche |quali |che )?novità(?: ci sono)?${IT_AFTER}`,
      // "le ultime notizie su", "le ultime sulla", "gli ultimi sviluppi del"
      `(?:le )?ultime (?:(?:notizie|novità|news|informazioni|aggiornamenti)${IT_AFTER}|su|sul|sullo|sulla|sull'|sui|sugli|sulle|riguardo a|riguardo al|riguardo alla)`,
      `(?:gli )?ultimi (?:sviluppi|aggiornamenti)${IT_AFTER}`,
      // "notizie sulla", "aggiornamenti sul", "sviluppi del"
      `(?:notizie|aggiornamenti|sviluppi) (?:su|sul|sullo|sulla|sull'|sui|sugli|sulle|di|del|dello|della|dell'|dei|degli|delle|riguardo a|riguardo al|riguardo alla)`,
      // "a che punto è lo"
      `a che punto (?:è|sono|siamo)(?: (?:con|il|la|lo|l'|i|gli|le))?`,
      `(?:la )?cronologia (?:di|del|dello|della|dell'|dei|degli|delle)`,
    ],
    // "che cosa è successo con", "cos'è accaduto al" (with its verb: "un successo" is a success)
    events: [
      `(?:(?:che |cosa |che cosa |cos')(?:è |e' |sono )?|(?:è |e' |sono ))(?:successo|successa|successi|accaduto|accaduta|avvenuto|avvenuta)${IT_AFTER}`,
    ],
    residue: ['dimmi|dammi|mostrami|raccontami|mi dici|mi dai', 'ultime|ultimi|novità|notizie|aggiornamenti|sviluppi|ci sono'],
  },
  fr: {
    news: [
      // "quoi de neuf sur", "quoi de nouveau du côté de"
      `quoi de (?:neuf|nouveau)${FR_AFTER}`,
      // "qu'y a-t-il de nouveau sur", "du nouveau sur"
      `(?:qu'y a-t-il|qu'est-ce qu'il y a|y a-t-il|il y a)(?: du| de)? (?:nouveau|neuf)${FR_AFTER}`,
      `du nouveau (?:sur|concernant|à propos de|à propos du|à propos des|dans|pour)`,
      // "les dernières nouvelles sur", "les derniers développements de"
      `(?:quelles sont )?(?:les )?dernières (?:nouvelles|informations|infos|actualités|actus|news)${FR_AFTER}`,
      `(?:les )?derniers (?:développements|rebondissements|événements)${FR_AFTER}`,
      // "des nouvelles de", "l'actualité du"
      `(?:quelles sont |quelles |y a-t-il )?(?:des |les |l')?(?:nouvelles|actualités|actualité|actus) (?:sur|de|du|des|d'|concernant|à propos de|à propos du|à propos des)`,
      // "où en est la", "où en est-on avec"
      `où en (?:est|sont|est-on|sommes-nous)(?: (?:avec|de|du|des|la|le|les|l'))?`,
      `(?:la )?chronologie (?:de|du|des|d')`,
    ],
    // "qu'est-ce qui s'est passé avec", "que s'est-il passé à"
    events: [`(?:qu'est-ce qui |que |ce qui )?(?:s'est(?:-il)? passé|est-il arrivé|est arrivé|s'est(?:-il)? produit)${FR_AFTER}`],
    residue: ['dis-moi|donne-moi|montre-moi|dites-moi|donnez-moi', 'dernières|derniers|nouvelles|actualités|actualité|actus|quelles sont|quelles'],
  },
  es: {
    news: [
      // "qué hay de nuevo sobre"
      `(?:qué |que )?hay de nuevo${ES_AFTER}`,
      // "novedades sobre", "hay novedades de"
      `(?:las |alguna |algunas |hay |qué )?novedades(?: hay)?${ES_AFTER}`,
      // "las últimas noticias sobre", "lo último de", "los últimos avances en"
      `(?:las )?últimas (?:noticias|novedades|informaciones|actualizaciones)${ES_AFTER}`,
      `lo último (?:sobre|de|del|en|con|acerca de|acerca del)`,
      `(?:los )?últimos (?:avances|acontecimientos|desarrollos)${ES_AFTER}`,
      // "noticias sobre", "actualizaciones de"
      `(?:noticias|actualizaciones|avances) (?:sobre|de|del|acerca de|acerca del|respecto a|respecto al)`,
      // "cómo va la", "cómo sigue el"
      `(?:cómo|como) (?:va|van|sigue|siguen)(?: (?:el|la|los|las|lo de))?`,
      `(?:la )?cronología (?:de|del)`,
    ],
    // "qué ha pasado con", "qué ocurrió en" (with "qué" or "ha": "el domingo pasado" is last Sunday)
    events: [`(?:(?:qué |que )(?:ha |han )?|(?:ha |han ))(?:pasado|pasó|ocurrido|ocurrió|sucedido|sucedió|acontecido)${ES_AFTER}`],
    // "pasado" left after a weekday chrono read ("el viernes pasado")
    residue: ['dime|dame|muéstrame|cuéntame', 'últimas|últimos|noticias|novedades|hay|pasad[oa]'],
  },
};

/** Each cue's expression compiled once: a question is read in up to five languages, each with dozens of cues (compiling them per question cost about 40 ms of a cold `npm run ask`). */
const compiledCues = new Map<string, RegExp>();

/** A cue as a whole-word, case-insensitive pattern (JavaScript's \b knows no accented letters). */
export function wholeWords(source: string): RegExp {
  return compiledOnce(source, 'giu');
}

/** As wholeWords, case-sensitive: for text already lower-cased (much cheaper to compile than a case-insensitive Unicode pattern). */
export function lowerCaseWholeWords(source: string): RegExp {
  return compiledOnce(source, 'gu');
}

function compiledOnce(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let compiled = compiledCues.get(key);
  if (!compiled) {
    compiled = new RegExp(`(?<![\\p{L}\\p{N}'])(?:${source})(?![\\p{L}\\p{N}])`, flags);
    compiledCues.set(key, compiled);
  }
  // A global expression carries where its last match ended; every caller starts from the beginning.
  compiled.lastIndex = 0;
  return compiled;
}
