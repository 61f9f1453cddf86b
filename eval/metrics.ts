/**
 * The arithmetic of `npm run eval`, kept pure so it can be checked on hand-made cases.
 */

/** What one question produced, reduced to what the metrics need. */
export interface QuestionOutcome {
  id: string;
  question: string;
  expectedSources: string[];
  answers: string[];
  unanswerable: boolean;
  /** Source names of the ranked retrieved passages, best first (each passage's possible names). */
  retrieved: string[][];
  answerText: string;
  noAnswer: boolean;
  /** Source names of each citation. */
  cited: string[][];
  /** LLM mode: citations the checker removed. */
  citationsRemoved: number;
  latencyMs: number;
}

export interface EvalReport {
  questions: number;
  recallAt1: number | null;
  recallAt5: number | null;
  recallAt10: number | null;
  mrrAt10: number | null;
  answerHitRate: number | null;
  citationPrecision: number | null;
  unanswerableHonestRate: number | null;
  answerableWronglyDeclinedRate: number | null;
  citationsRemovedShare: number | null;
  latencyMs: { p50: number | null; p95: number | null };
  perQuestion?: Array<Record<string, unknown>>;
}

/** Whether any name of a retrieved or cited source is among the expected ones. */
export function matchesExpected(names: string[], expected: string[]): boolean {
  const wanted = new Set(expected.map((e) => e.toLowerCase()));
  return names.some((n) => wanted.has(n.toLowerCase()));
}

/** 1-based rank of the first relevant passage within the top k, or null. */
export function firstRelevantRank(retrieved: string[][], expected: string[], k: number): number | null {
  const index = retrieved.slice(0, k).findIndex((names) => matchesExpected(names, expected));
  return index < 0 ? null : index + 1;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function computeReport(outcomes: QuestionOutcome[], options: { verbose?: boolean } = {}): EvalReport {
  const withSources = outcomes.filter((o) => !o.unanswerable && o.expectedSources.length > 0);
  const ranks = withSources.map((o) => firstRelevantRank(o.retrieved, o.expectedSources, 10));
  const recallAt = (k: number) => mean(ranks.map((r) => (r !== null && r <= k ? 1 : 0)));
  const withAnswers = outcomes.filter((o) => !o.unanswerable && o.answers.length > 0);
  const hits = withAnswers.map((o) => (o.answers.some((a) => o.answerText.toLowerCase().includes(a.toLowerCase())) ? 1 : 0));
  // Citation precision is micro-averaged over all citations of questions that name their sources.
  const citations = withSources.flatMap((o) => o.cited.map((names) => (matchesExpected(names, o.expectedSources) ? 1 : 0)));
  const unanswerable = outcomes.filter((o) => o.unanswerable);
  const answerable = outcomes.filter((o) => !o.unanswerable);
  const totalCitations = outcomes.reduce((n, o) => n + o.cited.length + o.citationsRemoved, 0);
  const removed = outcomes.reduce((n, o) => n + o.citationsRemoved, 0);
  const latencies = outcomes.map((o) => o.latencyMs);
  const report: EvalReport = {
    questions: outcomes.length,
    recallAt1: recallAt(1),
    recallAt5: recallAt(5),
    recallAt10: recallAt(10),
    mrrAt10: mean(ranks.map((r) => (r === null ? 0 : 1 / r))),
    answerHitRate: mean(hits),
    citationPrecision: mean(citations),
    unanswerableHonestRate: mean(unanswerable.map((o) => (o.noAnswer ? 1 : 0))),
    answerableWronglyDeclinedRate: mean(answerable.map((o) => (o.noAnswer ? 1 : 0))),
    citationsRemovedShare: totalCitations > 0 ? removed / totalCitations : null,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
  if (options.verbose) {
    report.perQuestion = outcomes.map((o) => ({
      id: o.id,
      question: o.question,
      rank: o.unanswerable ? null : firstRelevantRank(o.retrieved, o.expectedSources, 10),
      hit: o.answers.length ? o.answers.some((a) => o.answerText.toLowerCase().includes(a.toLowerCase())) : null,
      noAnswer: o.noAnswer,
      unanswerable: o.unanswerable,
      cited: o.cited.map((names) => names[0]),
      citationsRemoved: o.citationsRemoved,
      latencyMs: Math.round(o.latencyMs * 10) / 10,
      answer: o.answerText.slice(0, 300),
    }));
  }
  return report;
}
