import { DEFAULT_THRESHOLDS, passesGate } from '../calibration/operatingPoint.js';
import { passageEvidence } from '../answer/gate.js';
import type { KnowledgeBase } from '../knowledgeBase.js';
import type { DayRange } from '../ports/digests.js';
import type { SearchScope } from '../ports/newsDesks.js';
import type { DigestSources } from './composeDigest.js';

/** Passages a topic's search looks at: enough for the stories of a busy period. */
const TOPIC_PASSAGES = 40;

/**
 * The documents whose passages are about a topic in a range of days, best first: retrieval
 * with the date filter, then each passage weighed by the answer gate's own evidence and
 * thresholds (shared words, or a vector margin above what unrelated text reaches on this
 * store), so a topic the period does not cover matches nothing rather than its nearest news.
 */
export async function topicDocuments(kb: Pick<KnowledgeBase, 'retrieve'>, topic: string, days: DayRange, scope?: SearchScope): Promise<number[]> {
  const retrieval = await kb.retrieve(topic, { since: days.fromDay, until: days.toDay, scope, k: TOPIC_PASSAGES });
  const thresholds = retrieval.gate?.thresholds ?? DEFAULT_THRESHOLDS;
  const documents: number[] = [];
  for (const passage of retrieval.passages) {
    const evidence = passageEvidence(passage, retrieval.vectorScale);
    if (!passesGate({ bestRelevance: evidence.relevance, bestMargin: evidence.margin }, thresholds)) continue;
    if (!documents.includes(passage.documentId)) documents.push(passage.documentId);
  }
  return documents;
}

/** What composeDigest reads, over a knowledge base: its store, and its retrieval for topics. */
export function knowledgeBaseSources(kb: Pick<KnowledgeBase, 'retrieve' | 'store'>): DigestSources {
  return { store: kb.store, topicDocuments: (topic, days, scope) => topicDocuments(kb, topic, days, scope) };
}
