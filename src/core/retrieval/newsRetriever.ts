import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { retrieve, type RetrievalContext, type RetrievalOptions } from './retrieve.js';

/**
 * The hybrid retriever as a langchain BaseRetriever, so langchain chains and agents can use
 * the news index. Each Document carries the passage text and its article's metadata.
 */
export class NewsRetriever extends BaseRetriever {
  override lc_namespace = ['newsdesk', 'retrievers'];

  constructor(
    private readonly context: RetrievalContext,
    private readonly options: RetrievalOptions = {},
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document[]> {
    const result = await retrieve(query, this.context, this.options);
    return result.passages.map(
      (p) =>
        new Document({
          pageContent: p.text,
          id: String(p.id),
          metadata: {
            passageId: p.id,
            title: p.document.title,
            source: p.document.source,
            url: p.document.url,
            published: p.document.published,
            language: p.document.language,
            outlet: p.document.outlet,
            section: p.section,
            position: p.position,
            score: p.score,
            relevance: p.relevance,
          },
        }),
    );
  }
}
