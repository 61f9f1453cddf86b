/**
 * Article text is data, never instructions. Sentences that read as instructions to an AI
 * ("ignore previous instructions", "you are now", "system prompt") are withheld from the
 * model and from the citation checker, so a planted instruction can neither steer the model
 * nor serve as "support" for what the model was steered to say.
 */
const INSTRUCTION_PATTERNS = [
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(instructions?|prompts?|rules|guidelines|above|previous)\b/i,
  /\b(you are now|act as|pretend to be|from now on you)\b/i,
  /\b(system prompt|developer message|jailbreak)\b/i,
  /\b(ignoriere|vergiss)\b[^.!?\n]{0,40}\b(anweisungen|vorherigen|regeln)\b/i,
  /\b(ignora|dimentica)\b[^.!?\n]{0,40}\b(istruzioni|precedenti|regole)\b/i,
  /\b(ignore[sz]?|oublie[sz]?)\b[^.!?\n]{0,40}\b(instructions|précédentes|règles)\b/i,
  /\b(as an ai|language model)\b[^.!?\n]{0,30}\b(must|should|will)\b/i,
];

export const WITHHELD = '[instruction-like text withheld]';

export function looksLikeInstruction(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((re) => re.test(sentence));
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
