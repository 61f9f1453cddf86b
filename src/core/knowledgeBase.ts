import type { NewsEmbeddings } from '../embeddings/newsEmbeddings.js';
import type { EmbeddingStatus } from '../embeddings/loadEmbeddings.js';
import type { KnowledgeStore } from '../store/knowledgeStore.js';
import { composeExtractiveAnswer } from './answer/extractive.js';
import { SentenceSimilarity } from './answer/sentenceSimilarity.js';
import type { Answer } from './answer/types.js';
import { MAX_RETRIEVAL_QUESTION_LENGTH, validateQuestion } from './questions.js';
import { retrieve, type RetrievalOptions, type RetrievalResult } from './retrieval/retrieve.js';
import { detectLanguage } from './text/language.js';

/** Passages whose sentences are compared with the question vector (the ones quotes come from). */
const SENTENCE_SCORED_PASSAGES = 6;

/** Something that can turn retrieved passages into an answer (extractive default, or an LLM). */
export interface Answerer {
  answer(question: string, retrieval: RetrievalResult, questionLanguage: string, hooks?: AnswerHooks): Promise<Answer>;
  /** Turns a follow-up into a standalone question (LLM mode); absent means "join both questions". */
  standaloneQuestion?(previous: string, followUp: string): Promise<string>;
}

export interface AnswerHooks {
  /** Called with the growing draft while an LLM streams. */
  onDraft?: (text: string) => void;
}

export const extractiveAnswerer: Answerer = {
  async answer(question, retrieval, language) {
    return composeExtractiveAnswer(question, retrieval, language);
  },
};

export interface KnowledgeBaseOptions {
  store: KnowledgeStore;
  embeddings: NewsEmbeddings | null;
  embeddingStatus: EmbeddingStatus;
  answerer?: Answerer;
  maxQuestionLength?: number;
  log?: (message: string) => void;
}

/** Language of a question for the fixed phrases: detected, English when unsure. */
export function questionLanguage(question: string): string {
  const detected = detectLanguage(question);
  return detected === 'und' ? 'en' : detected;
}

/**
 * Retrieval plus answering over one store, for the CLI and the bot alike. Questions are
 * embedded only with the model that built the stored vectors; on a mismatch it says so
 * and retrieves lexically rather than compare vectors from two different spaces.
 */
export class KnowledgeBase {
  readonly answerer: Answerer;

  private sentences: SentenceSimilarity | null = null;

  constructor(private readonly options: KnowledgeBaseOptions) {
    this.answerer = options.answerer ?? extractiveAnswerer;
  }

  get store(): KnowledgeStore {
    return this.options.store;
  }

  get embeddingStatus(): EmbeddingStatus {
    return this.options.embeddingStatus;
  }

  /** Why vectors are not used for questions right now, or null when they are. */
  async vectorProblem(): Promise<string | null> {
    const space = await this.options.store.vectorSpace();
    const embeddings = this.options.embeddings;
    if (!space) return 'the index has no vectors (built lexical-only)';
    if (!embeddings) return `the embedding model could not be loaded (${this.options.embeddingStatus.reason ?? 'unknown reason'})`;
    if (space.model !== embeddings.modelId || space.dim !== embeddings.dimension) {
      return `the index was built with ${space.model} (${space.dim}-d) but the configured model is ${embeddings.modelId}; re-run ingest to re-embed`;
    }
    return null;
  }

  private async compatibleEmbeddings(): Promise<NewsEmbeddings | null> {
    return (await this.vectorProblem()) === null ? this.options.embeddings : null;
  }

  async retrieve(question: string, options: RetrievalOptions = {}): Promise<RetrievalResult> {
    return this.retrieveValid(validateQuestion(question, this.options.maxQuestionLength), options);
  }

  private async retrieveValid(question: string, options: RetrievalOptions): Promise<RetrievalResult> {
    const embeddings = await this.compatibleEmbeddings();
    const result = await retrieve(question, { store: this.options.store, embeddings }, options);
    if (embeddings && result.queryVector) {
      this.sentences ??= new SentenceSimilarity(embeddings);
      const leading = result.passages.slice(0, SENTENCE_SCORED_PASSAGES).map((p) => ({ id: p.id, text: p.text, language: p.document.language }));
      result.sentenceSimilarity = await this.sentences.score(leading, result.queryVector);
    }
    return result;
  }

  /** The standalone form of a follow-up, for retrieval: rewritten by the LLM when there is one. */
  async standaloneQuestion(previous: string, followUp: string): Promise<string> {
    if (this.answerer.standaloneQuestion) return this.answerer.standaloneQuestion(previous, followUp);
    return `${previous} ${followUp}`;
  }

  /**
   * Answers a question. `retrievalQuestion` is the standalone form of a follow-up (the
   * earlier question plus this one); it may be longer than a question a person may type.
   */
  async ask(rawQuestion: string, options: RetrievalOptions & { hooks?: AnswerHooks; retrievalQuestion?: string } = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion, this.options.maxQuestionLength);
    const retrieval = options.retrievalQuestion
      ? await this.retrieveValid(validateQuestion(options.retrievalQuestion, MAX_RETRIEVAL_QUESTION_LENGTH), { ...options, emphasis: question })
      : await this.retrieveValid(question, options);
    return this.answerer.answer(question, retrieval, questionLanguage(question), options.hooks);
  }
}
