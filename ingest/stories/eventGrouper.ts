import type { ArticleWrite, EventCandidate, KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import { eventTerms, sameSubject } from './eventTerms.js';
import { cosine } from '../../src/core/calibration/cosine.js';
import { EventComparison, termWeights } from './eventSimilarity.js';
import { vectorThreshold } from './vectorBackground.js';
import {
  DECAY_HALF_LIFE_DAYS,
  EVENT_WINDOW_DAYS,
  IDF_WINDOW_DAYS,
  MAX_EVENT_CANDIDATES,
  MIN_SHARED_NAMES,
  VECTOR_BACKGROUND_ARTICLES,
  VECTOR_RESCUE_SHARE,
} from './storyParameters.js';

type StoryStore = Pick<KnowledgeStore, 'eventCandidates' | 'eventBackground' | 'articleVectors' | 'calibration'>;

/** Where an article goes: the terms kept for it, and the stored article whose story it joins (null: a story of its own). */
export interface EventPlace {
  storyTerms: string;
  sameEventAs: number | null;
}

const DAY_MS = 86_400_000;

/** A candidate scored against the new article. */
export interface Scored {
  candidate: EventCandidate;
  /** Lexical evidence as a share of what is needed (eventSimilarity.ts; 1 or more: the same event; 0 when too few names and numbers are shared). */
  evidence: number;
  /** The evidence decayed by the days between the two: the best of the candidates with enough evidence is the one chosen. */
  score: number;
}

/**
 * Finds the stored articles reporting the same event as an article about to be written
 * (docs/ingestion.md, "Stories across outlets"): articles published within EVENT_WINDOW_DAYS
 * of it, compared by the IDF-weighted overlap of the names, numbers and words of headline
 * and lead (eventSimilarity.ts); with vectors of a model that separates, a pair short of the
 * lexical threshold but at least VECTOR_RESCUE_SHARE of it is one event when its article
 * vectors are closer than the new article is to unrelated articles (vectorBackground.ts).
 * An article with no stated date is never grouped by event (only as a copy): without a date
 * nothing tells a report of this event from one of a like event years apart.
 */
export class EventGrouper {
  private separates: Promise<Map<string, boolean>> | null = null;

  constructor(private readonly store: StoryStore) {}

  async place(write: ArticleWrite): Promise<EventPlace> {
    const { title, language, published } = write.metadata;
    const terms = eventTerms(title, write.body.join('\n'), language);
    const storyTerms = terms.join(' ');
    const time = published ? Date.parse(published) : Number.NaN;
    // A copy shares its head's story; an undated article tells its own.
    if (write.copyOf || Number.isNaN(time)) return { storyTerms, sameEventAs: null };
    const window = windowAround(time, EVENT_WINDOW_DAYS);
    // The week's articles weigh the terms (a steadier IDF than the few of the window); those the story span allows are the candidates.
    const candidates = (await this.store.eventCandidates(window, MAX_EVENT_CANDIDATES, write.key)).filter((c) => withinStorySpan(c, time));
    if (candidates.length === 0) return { storyTerms, sameEventAs: null };
    const week = await this.store.eventCandidates(windowAround(time, IDF_WINDOW_DAYS), MAX_EVENT_CANDIDATES, write.key);
    const scored = scoreCandidates(terms, language, time, candidates, week, title);
    const best = scored.find((s) => s.evidence >= 1);
    if (best) return { storyTerms, sameEventAs: best.candidate.id };
    const rescued = await this.byVectors(write, window, scored);
    return { storyTerms, sameEventAs: rescued };
  }

  /** The best candidate near the lexical threshold whose vectors say it is the same event; null without usable vectors. */
  private async byVectors(write: ArticleWrite, window: { from: string; until: string }, scored: Scored[]): Promise<number | null> {
    const near = scored.filter((s) => s.evidence >= VECTOR_RESCUE_SHARE).slice(0, 10);
    const own = articleVector(write);
    if (near.length === 0 || !own || !write.model || !(await this.modelSeparates(write.model))) return null;
    const background = await this.store.eventBackground(window, VECTOR_BACKGROUND_ARTICLES);
    const vectors = await this.store.articleVectors([...near.map((s) => s.candidate.id), ...background], write.model);
    const threshold = vectorThreshold(background.flatMap((id) => (vectors.has(id) ? [cosine(own, vectors.get(id)!)] : [])));
    if (threshold === null) return null;
    const above = near
      .map((s) => ({ id: s.candidate.id, similarity: vectors.has(s.candidate.id) ? cosine(own, vectors.get(s.candidate.id)!) : -1 }))
      .filter((s) => s.similarity > threshold)
      .sort((a, b) => b.similarity - a.similarity);
    return above[0]?.id ?? null;
  }

  /** False when the store's answer calibration measured this model and found it does not separate related from unrelated text. */
  private async modelSeparates(model: string): Promise<boolean> {
    this.separates ??= this.store.calibration().then((c) => new Map(c.vector ? [[c.vector.model, c.vector.separates]] : []));
    return (await this.separates).get(model) ?? true;
  }
}

/** Dates as stored compare as text: from the day `days` before to the day after `days` after (then checked exactly). */
function windowAround(time: number, days: number): { from: string; until: string } {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: day(time - days * DAY_MS), until: day(time + (days + 1) * DAY_MS) };
}

/**
 * Whether the article may join the candidate's story: the story, with it, spans at most
 * EVENT_WINDOW_DAYS. Bounding the story rather than the pair keeps a chain of reports (the
 * eruption, the ash cloud, the flights resuming) from growing into one story over a week.
 */
export function withinStorySpan(candidate: EventCandidate, time: number): boolean {
  const start = Math.min(Date.parse(candidate.storyStart), Date.parse(candidate.published), time);
  const end = Math.max(Date.parse(candidate.storyEnd), Date.parse(candidate.published), time);
  return end - start <= EVENT_WINDOW_DAYS * DAY_MS;
}

/** The candidates scored, best first; IDF over the new article and the candidates. */
export function scoreCandidates(
  terms: string[],
  language: string,
  time: number,
  candidates: EventCandidate[],
  pool: EventCandidate[] = candidates,
  title?: string,
): Scored[] {
  const termsOf = new Map<number, string[]>();
  for (const c of [...pool, ...candidates]) if (!termsOf.has(c.id)) termsOf.set(c.id, candidateTerms(c));
  const comparison = new EventComparison(terms, termWeights([terms, ...termsOf.values()]));
  const own = new Set(terms);
  return candidates
    .map((candidate) => {
      const { sharedNames, evidence } = comparison.compare(termsOf.get(candidate.id)!, candidate.language === language);
      if (sharedNames < MIN_SHARED_NAMES) return { candidate, evidence: 0, score: 0 };
      if (title !== undefined && !sameSubject(title, own, candidate.title, new Set(termsOf.get(candidate.id)!))) return { candidate, evidence: 0, score: 0 };
      const days = Math.abs(Date.parse(candidate.published) - time) / DAY_MS;
      return { candidate, evidence, score: evidence * 0.5 ** (days / DECAY_HALF_LIFE_DAYS) };
    })
    .sort((a, b) => b.score - a.score);
}

/** A candidate's distinct terms: as stored, or computed from its title and lead when written before they were kept. */
function candidateTerms(c: EventCandidate): string[] {
  return c.terms !== null ? [...new Set(c.terms.split(' ').filter(Boolean))] : eventTerms(c.title, c.lead, c.language);
}

/** The mean of the article's body passage vectors, or null when it has none. */
function articleVector(write: ArticleWrite): Float32Array | null {
  const vectors = write.passages.flatMap((p, i) => (p.section === 'body' && write.vectors?.[i] ? [write.vectors[i]!] : []));
  if (vectors.length === 0) return null;
  const mean = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < mean.length; i++) mean[i]! += v[i]! / vectors.length;
  return mean;
}
