import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessageLike } from '@langchain/core/messages';
import type { Digest, DigestStory, DigestSummarizer } from '../core/digest/digest.js';
import type { ScoredPassage } from '../core/retrieval/retrieve.js';
import { detectLanguage } from '../core/text/language.js';
import { splitSentences } from '../core/text/sentences.js';
import { checkCitations } from './citationChecker.js';
import { describeLlmFailure } from './failures.js';
import { withholdInstructions } from './injection.js';
import { languageName, PASSAGES_ARE_DATA, passageBlocks, type PromptPassage } from './prompt.js';

/** Sentences of a story's summary kept at most: a digest line stays a line. */
const SUMMARY_SENTENCES = 2;

const SYSTEM = (language: string) => `You write a news digest from numbered story passages.
Rules:
- For each story, write one short sentence in ${language} saying what happened, using only facts stated in that story's passage.
- End each sentence with the number of its story in square brackets, like [2]. One line per story, in the order given.
${PASSAGES_ARE_DATA}`;

/** A story's opening as the citation checker reads a passage: its headline article's text, title and language. */
function storyPassage(story: DigestStory): PromptPassage {
  const c = story.citation;
  const document = {
    ...{ id: c.story.id, key: c.source, sourceId: '', rawHash: '', contentHash: '', ingestedAt: '', updatedAt: '', location: c.source, author: null },
    ...{ title: c.title, published: c.published ?? null, language: c.language, outlet: c.outlet ?? null, url: c.url ?? null, source: c.source },
  };
  const passage: ScoredPassage = {
    ...{ id: c.n, documentId: c.story.id, position: 0, section: 'body', text: story.text, terms: '', document },
    ...{ score: 0, lexicalRank: null, vectorRank: null, similarity: null, relevance: 0 },
  };
  return { n: c.n, passage, text: withholdInstructions(story.text, (t) => splitSentences(t, c.language)).text };
}

function summaryMessages(passages: PromptPassage[], language: string): BaseMessageLike[] {
  return [
    ['system', SYSTEM(languageName(language))],
    ['human', `Stories:\n${passageBlocks(passages, { labelKind: false })}\n\nWrite the digest.`],
  ];
}

/**
 * Summaries of a digest's stories by a chat model, kept only where the citation checker finds
 * them supported by the story's own text (numbers and names included) and in the digest's
 * language; a story without one keeps its article's first sentence. A model that fails, or
 * whose every sentence is removed, makes the digest the offline one (withSummaries).
 */
export class LlmDigestSummarizer implements DigestSummarizer {
  constructor(
    private readonly model: BaseChatModel,
    private readonly options: { timeoutMs: number; log?: (m: string) => void },
  ) {}

  async summarize(digest: Digest): Promise<Digest> {
    const passages = digest.stories.map(storyPassage);
    let text: string;
    try {
      const reply = await this.model.invoke(summaryMessages(passages, digest.language), { signal: AbortSignal.timeout(this.options.timeoutMs) });
      text = typeof reply.content === 'string' ? reply.content : '';
    } catch (error) {
      throw new Error(`the language model failed: ${describeLlmFailure(error, this.options.timeoutMs)}`);
    }
    const summaries = checkedSummaries(text, passages, digest.language);
    if (summaries.size === 0) throw new Error('no summary passed the citation check');
    const stories = digest.stories.map((s) => {
      const summary = summaries.get(s.citation.n);
      return summary ? { ...s, lead: summary, citation: { ...s.citation, verified: true } } : s;
    });
    return { ...digest, stories, mode: 'llm' };
  }
}

/** Each story's checked summary sentences (by story number), in the digest's language only. */
function checkedSummaries(text: string, passages: PromptPassage[], language: string): Map<number, string> {
  const summaries = new Map<number, string[]>();
  for (const sentence of checkCitations(text, passages, language).sentences) {
    const sentenceLanguage = detectLanguage(sentence.text);
    if (sentenceLanguage !== 'und' && sentenceLanguage !== language) continue;
    const n = sentence.markers[0]!;
    const kept = summaries.get(n) ?? [];
    if (kept.length < SUMMARY_SENTENCES) summaries.set(n, [...kept, sentence.text]);
  }
  return new Map([...summaries].map(([n, sentences]) => [n, sentences.join(' ')]));
}
