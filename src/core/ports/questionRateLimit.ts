/**
 * The per-user limit on questions: `take` records a question and returns null when it is
 * allowed now, else the seconds to wait (so the reply can say when to try again). The store
 * provides it (KnowledgeStore.questionRateLimit), so it holds across every process the store
 * serves.
 */
export interface QuestionRateLimit {
  take(userId: string): number | null | Promise<number | null>;
}
