/**
 * Article text is data, never instructions. Sentences that read as instructions to an AI
 * ("ignore previous instructions", "you are now", "system prompt") are withheld from the
 * model and from the citation checker, so a planted instruction can neither steer the model
 * nor serve as "support" for what the model was steered to say.
 *
 * One set of patterns per language the bot answers in (LANGUAGE_NAMES in prompt.ts); all of
 * them apply to every passage, whatever its language, since an article can quote another.
 */

/** Whole words, Unicode-aware (JavaScript's \b knows only ASCII letters: "règles", "instrucción"). */
function words(alternatives: string): string {
  return `(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`;
}

/** "verb ... object" within one clause (at most 40 characters apart). */
function command(verbs: string, objects: string): RegExp {
  return new RegExp(`${words(verbs)}[^.!?\\n]{0,40}${words(objects)}`, 'iu');
}

function phrase(alternatives: string): RegExp {
  return new RegExp(words(alternatives), 'iu');
}

export const INSTRUCTION_PATTERNS: Record<'en' | 'de' | 'it' | 'fr' | 'es', RegExp[]> = {
  en: [
    command('ignore|disregard|forget|override', 'instructions?|prompts?|rules|guidelines|above|previous'),
    phrase('you are now|act as|pretend to be|from now on you|system prompt|developer message|jailbreak'),
    /\b(as an ai|language model)\b[^.!?\n]{0,30}\b(must|should|will)\b/i,
  ],
  de: [
    command('ignoriere|ignorieren|vergiss|vergessen|missachte|übergehe', 'anweisungen|anweisung|vorherigen|vorigen|regeln|vorgaben|befehle'),
    phrase('du bist jetzt|du bist ab sofort|tu so als|verhalte dich wie|ab jetzt bist du|systemanweisung|systemprompt|system-prompt'),
    command('als ki|als sprachmodell', 'musst|sollst|wirst'),
  ],
  it: [
    command('ignora|ignorate|dimentica|dimenticate|trascura', 'istruzioni|istruzione|precedenti|regole|indicazioni'),
    phrase('ora sei|adesso sei|d[aà] ora in poi sei|fai finta di essere|comportati come|agisci come|prompt di sistema'),
    command('come ia|in quanto ia|come modello linguistico', 'devi|dovresti'),
  ],
  fr: [
    command('ignore[sz]?|ignorez|oublie[sz]?|oubliez|néglige[sz]?', 'instructions?|précédentes|règles|consignes'),
    phrase('tu es maintenant|vous êtes maintenant|tu es désormais|désormais tu es|agis comme|agissez comme|fais semblant d.être|prompt système|invite système'),
    command('en tant qu.ia|en tant que modèle de langage', 'dois|devez|devrais'),
  ],
  es: [
    command('ignora|ignore|ignoren|olvida|olvide|olviden|omite|descarta|desobedece', 'instrucciones|instrucción|anteriores|previas|indicaciones'),
    // Not "actúa como": it is also the indicative ("el banco actúa como prestamista").
    phrase('ahora eres|a partir de ahora eres|desde ahora eres|finge ser|haz como si fueras|prompt del sistema|mensaje del sistema'),
    command('como ia|como modelo de lenguaje', 'debes|deberías|tienes que'),
  ],
};

const ALL_PATTERNS = Object.values(INSTRUCTION_PATTERNS).flat();

export const WITHHELD = '[instruction-like text withheld]';

export function looksLikeInstruction(sentence: string): boolean {
  return ALL_PATTERNS.some((re) => re.test(sentence));
}

/** The passage text with instruction-like sentences replaced by a marker. */
export function withholdInstructions(text: string, split: (t: string) => string[]): { text: string; withheld: number } {
  let withheld = 0;
  const sentences = split(text).map((s) => {
    if (!looksLikeInstruction(s)) return s;
    withheld++;
    return WITHHELD;
  });
  return { text: sentences.join(' '), withheld };
}
