import { detectLanguage } from '../core/text/language.js';
import { checkSentence, sentencesWithMarkers, type CheckedSentence } from './citationChecker.js';
import { composeCheckedText } from './checkedText.js';
import type { PromptPassage } from './prompt.js';

/**
 * Turns a model's growing text into drafts made only of sentences that already passed the
 * citation check: what Discord shows while the model streams never holds an uncited or
 * wrongly cited sentence. A sentence counts as finished once the next one has begun (its
 * markers may follow its full stop: "... fact. [2] Next"), so the last one waits for more
 * text or for the final check. Returns the function to call with the text so far.
 */
export function checkedDrafts(passages: PromptPassage[], language: string, onDraft: (text: string) => void): (text: string) => void {
  const verdicts = new Map<string, CheckedSentence | null>();
  let finishedShown = 0;
  return (text) => {
    const finished = sentencesWithMarkers(text, language).slice(0, -1);
    if (finished.length <= finishedShown) return;
    finishedShown = finished.length;
    const checked = finished.flatMap((sentence) => {
      const key = `${sentence.markers.join(',')}|${sentence.text}`;
      if (!verdicts.has(key)) verdicts.set(key, checkSentence(sentence, passages, []));
      return verdicts.get(key) ?? [];
    });
    if (checked.length === 0) return;
    const draft = composeCheckedText(checked, passages, language).text;
    // The final answer is refused when the model answers in another language: so is a draft.
    const draftLanguage = detectLanguage(draft);
    if (draftLanguage !== 'und' && language !== 'und' && draftLanguage !== language) return;
    onDraft(draft);
  };
}
