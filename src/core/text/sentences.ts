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

export function splitSentences(text: string, language: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of segmenterFor(language).segment(text)) {
    const trimmed = segment.trim();
    if (trimmed) sentences.push(trimmed);
  }
  return sentences;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
