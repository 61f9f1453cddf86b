import type { NewsEmbeddings } from './ports/newsEmbeddings.js';
import type { EmbeddingStatus } from './ports/newsEmbeddings.js';
import type { KnowledgeStore } from './ports/knowledgeStore.js';
import { withStories } from './answer/citations.js';
import { composeExtractiveAnswer } from './answer/extractive.js';
import { SentenceSimilarity } from './answer/sentenceSimilarity.js';
import type { Answer } from './answer/types.js';
import { MAX_RETRIEVAL_QUESTION_LENGTH, validateQuestion } from './questions.js';
import { retrieve, type RetrievalOptions, type RetrievalResult } from './retrieval/retrieve.js';
import { detectLanguage } from './text/language.js';
import { currentCalibration } from './calibration/currentCalibration.js';
import { DEFAULT_THRESHOLDS, type GateThresholds, type OperatingPoint, type ThresholdOrigin } from './calibration/operatingPoint.js';
import { notSeparatingLimitation, vectorScale, type VectorScale } from './calibration/vectorCalibration.js';
import { LEXICAL_ONLY_LIMITATION } from './limitations.js';
import { answerTimeline, timelineRequest } from './timeline/timelineAnswer.js';

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
  /** Gate thresholds the operator set (ANSWER_MIN_RELEVANCE, ANSWER_MIN_VECTOR_MARGIN); they win over a stored calibration. */
  gateOverride?: Partial<GateThresholds>;
  log?: (message: string) => void;
}

/** How vectors take part in answers right now. */
interface VectorUse {
  /** The model, when its vectors are used for this store's questions. */
  embeddings: NewsEmbeddings | null;
  scale: VectorScale | null;
  /** Why vectors are not used, or null when they are. */
  problem: string | null;
  /** The sentence askers and operators read about it (ask --json, /status), or null. */
  limitation: string | null;
  /** The operating point `npm run calibrate` stored, read with the calibration (not once per question). */
  operatingPoint: OperatingPoint | null;
}

/** How long a process trusts what it learnt about the store's calibration before reading it again (another process may ingest). */
const CALIBRATION_RECHECK_MS = 30_000;

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

  /** Why the configured model's vectors cannot be compared with the store's, or null when they can. */
  private async spaceProblem(): Promise<string | null> {
    const space = await this.options.store.vectorSpace();
    const embeddings = this.options.embeddings;
    if (!space) return 'the index has no vectors (built lexical-only)';
    if (!embeddings) return `the embedding model could not be loaded (${this.options.embeddingStatus.reason ?? 'unknown reason'})`;
    if (space.model !== embeddings.modelId || space.dim !== embeddings.dimension) {
      return `the index was built with ${space.model} (${space.dim}-d) but the configured model is ${embeddings.modelId}; re-run ingest to re-embed`;
    }
    return null;
  }

  private vectorUseCache: { value: Promise<VectorUse>; at: number; space: string } | null = null;

  /**
   * Whether the model's vectors are used: its space must be the store's, and it must separate
   * related from unrelated text on this store (measured once and kept in the store; measured
   * here when the store has no current measurement, e.g. a store from before calibration).
   * Kept for a while (another process may ingest), but never across a change of the store's
   * vector space; one measurement at a time; a measurement that fails means lexical answers.
   */
  async vectorUse(): Promise<VectorUse> {
    const current = await this.options.store.vectorSpace();
    const space = current ? `${current.model}:${current.dim}` : '';
    const cached = this.vectorUseCache;
    if (cached && cached.space === space && Date.now() - cached.at < CALIBRATION_RECHECK_MS) return cached.value;
    const value = this.measureVectorUse().catch((error: unknown) => {
      this.options.log?.(`Could not measure the embedding model on the store: ${error instanceof Error ? error.message : String(error)}; answering lexically.`);
      return {
        embeddings: null,
        scale: null,
        problem: 'the model could not be measured on this store',
        limitation: LEXICAL_ONLY_LIMITATION,
        operatingPoint: null,
      };
    });
    this.vectorUseCache = { value, at: Date.now(), space };
    return value;
  }

  private async measureVectorUse(): Promise<VectorUse> {
    const stored = await this.options.store.calibration();
    const lexical = (problem: string, limitation: string): VectorUse => ({
      embeddings: null,
      scale: null,
      problem,
      limitation,
      operatingPoint: stored.operatingPoint,
    });
    const problem = await this.spaceProblem();
    if (problem) return lexical(problem, LEXICAL_ONLY_LIMITATION);
    const embeddings = this.options.embeddings!;
    const calibration = await currentCalibration(this.options.store, embeddings, this.options.log, stored.vector);
    if (!calibration) return lexical('too few articles with vectors to measure the model on (at least two are needed)', LEXICAL_ONLY_LIMITATION);
    if (!calibration.separates)
      return lexical("the model's vectors do not separate related from unrelated text on this store", notSeparatingLimitation(calibration));
    return { embeddings, scale: vectorScale(calibration), problem: null, limitation: null, operatingPoint: stored.operatingPoint };
  }

  /** Why vectors are not used for questions right now, or null when they are. */
  async vectorProblem(): Promise<string | null> {
    return (await this.vectorUse()).problem;
  }

  /** What askers must know about how answers are made right now (shown by ask --json and /status). */
  async limitations(): Promise<string[]> {
    const { limitation } = await this.vectorUse();
    return limitation ? [limitation] : [];
  }

  /**
   * The gate's thresholds: the operator's environment, else a calibration fitted for this
   * vector mode (read with the model's calibration, so a new fit applies within CALIBRATION_RECHECK_MS), else the defaults.
   */
  private gateThresholds({ embeddings, operatingPoint }: VectorUse): { thresholds: GateThresholds; origin: ThresholdOrigin } {
    const model = embeddings ? embeddings.modelId : null;
    const fitted = operatingPoint && operatingPoint.model === model ? operatingPoint : null;
    const base = fitted ?? DEFAULT_THRESHOLDS;
    const override = this.options.gateOverride ?? {};
    const origin: ThresholdOrigin = Object.keys(override).length > 0 ? 'environment' : fitted ? 'calibrated' : 'default';
    return {
      thresholds: { minRelevance: override.minRelevance ?? base.minRelevance, minVectorMargin: override.minVectorMargin ?? base.minVectorMargin },
      origin,
    };
  }

  async retrieve(question: string, options: RetrievalOptions = {}): Promise<RetrievalResult> {
    return this.retrieveValid(validateQuestion(question, this.options.maxQuestionLength), options);
  }

  private async retrieveValid(question: string, options: RetrievalOptions): Promise<RetrievalResult> {
    const use = await this.vectorUse();
    const { embeddings, scale } = use;
    const result = await retrieve(question, { store: this.options.store, embeddings }, options);
    result.gate = this.gateThresholds(use);
    if (embeddings && result.queryVector) {
      result.vectorScale = scale;
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
   * A question asking for the latest news or for what happened over a period gets a timeline
   * (src/core/timeline/), composed offline whatever the answerer; `now` dates its period.
   */
  async ask(rawQuestion: string, options: RetrievalOptions & { hooks?: AnswerHooks; retrievalQuestion?: string } = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion, this.options.maxQuestionLength);
    const timeline = await timelineRequest(question, { now: options.now, retrievalQuestion: options.retrievalQuestion });
    if (timeline) {
      const retrieve = (topic: string, retrievalOptions: RetrievalOptions) =>
        this.retrieveValid(validateQuestion(topic, MAX_RETRIEVAL_QUESTION_LENGTH), retrievalOptions);
      return answerTimeline(timeline, { retrieve, store: this.options.store }, options);
    }
    const retrieval = options.retrievalQuestion
      ? await this.retrieveValid(validateQuestion(options.retrievalQuestion, MAX_RETRIEVAL_QUESTION_LENGTH), { ...options, emphasis: question })
      : await this.retrieveValid(question, options);
    const answer = await this.answerer.answer(question, retrieval, questionLanguage(question), options.hooks);
    return { shape: 'answer', ...(await withStories(answer, this.options.store, options.scope, retrieval.stories)) };
  }
}
