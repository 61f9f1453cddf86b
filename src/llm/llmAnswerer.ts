import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { composeExtractiveAnswer } from '../core/answer/extractive.js';
import type { Answer } from '../core/answer/types.js';
import type { Answerer, AnswerHooks } from '../core/knowledgeBase.js';
import type { RetrievalResult } from '../core/retrieval/retrieve.js';
import { detectLanguage } from '../core/text/language.js';
import { checkCitations } from './citationChecker.js';
import { checkedDrafts } from './checkedDrafts.js';
import { composeCheckedText } from './checkedText.js';
import { buildAnswerMessages, languageName, preparePassages } from './prompt.js';
import { describeLlmFailure } from './failures.js';

/**
 * Fluent answers from a chat model, accepted only with checked citations. The model streams;
 * hooks.onDraft receives only sentences that already passed the check (checkedDrafts), and
 * the finished text is checked sentence by sentence against the passages it cites. When the model fails, answers in the wrong language, or nothing
 * supported remains, the extractive answer is given with a short note.
 */
export class LlmAnswerer implements Answerer {
  constructor(
    private readonly model: BaseChatModel,
    private readonly options: { timeoutMs: number; log?: (m: string) => void },
  ) {}

  async answer(question: string, retrieval: RetrievalResult, questionLanguage: string, hooks: AnswerHooks = {}): Promise<Answer> {
    // Composed once: it decides whether to call the model at all, and it is the fallback.
    const extractive = composeExtractiveAnswer(question, retrieval, questionLanguage);
    const fallback = (note: string, removed: Answer['removed'] = []): Answer => ({ ...extractive, removed, notes: [note] });
    if (extractive.noAnswer) return extractive; // nothing relevant retrieved: no model call, no invention

    const passages = preparePassages(retrieval.passages);
    let text = '';
    const draft = hooks.onDraft ? checkedDrafts(passages, questionLanguage, hooks.onDraft) : null;
    try {
      const stream = await this.model.stream(buildAnswerMessages(question, questionLanguage, passages), {
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      for await (const chunk of stream) {
        if (typeof chunk.content === 'string') text += chunk.content;
        draft?.(text);
      }
    } catch (error) {
      const reason = describeLlmFailure(error, this.options.timeoutMs);
      this.options.log?.(`LLM answer failed: ${reason}`);
      return fallback(`The language model was unavailable (${reason}); showing quoted sentences instead.`);
    }

    const answerLanguage = detectLanguage(text);
    if (answerLanguage !== 'und' && questionLanguage !== 'und' && answerLanguage !== questionLanguage) {
      return fallback(
        `The language model answered in ${languageName(answerLanguage)} instead of ${languageName(questionLanguage)}; showing quoted sentences instead.`,
      );
    }

    const checked = checkCitations(text, passages, questionLanguage);
    if (checked.sentences.length === 0) {
      return fallback('The language model gave no answer whose citations could be verified; showing quoted sentences instead.', checked.removed);
    }
    const { text: answerText, registry } = composeCheckedText(checked.sentences, passages, questionLanguage);
    return {
      answer: answerText,
      citations: registry.list().map((c) => ({ ...c, verified: true })),
      passages: extractive.passages,
      noAnswer: false,
      decision: extractive.decision,
      mode: 'llm',
      retrieval: retrieval.mode,
      language: questionLanguage,
      removed: checked.removed,
      notes: checked.removed.length ? [`${checked.removed.length} unsupported citation(s) or sentence(s) removed by the citation check.`] : [],
    };
  }
}
