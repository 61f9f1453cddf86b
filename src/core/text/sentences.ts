/** Sentence splitting with Intl.Segmenter, which knows de, it, en and many more. */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  const key = language === 'und' ? 'en' : language;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(key, { granularity: 'sentence' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Segments ending like this are not sentence ends: German/Italian ordinals in dates
 * ("ab dem 1. September", "am 4. Mai") and common abbreviations ("z. B.", "ca.", "Nr.").
 */
const FALSE_END = /(?:\b\d{1,2}\.|\b(?:z\.\s?B|u\.\s?a|d\.\s?h|ca|Nr|Dr|Prof|St|Mio|Mrd|bzw|ggf|vgl|sig|dott|ecc|Mr|Mrs|Ms|vs|No)\.)$/;

export function splitSentences(text: string, language: string): string[] {
  const sentences: string[] = [];
  let carry = '';
  for (const { segment } of segmenterFor(language).segment(text)) {
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const joined = carry ? `${carry} ${trimmed}` : trimmed;
    // A false end followed by more text on the same line: keep going.
    if (FALSE_END.test(trimmed) && !segment.includes('\n')) {
      carry = joined;
      continue;
    }
    sentences.push(joined);
    carry = '';
  }
  if (carry) sentences.push(carry);
  return sentences;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
