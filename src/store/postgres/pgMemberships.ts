import type { SqlRunner } from './pgDatabase.js';

export async function insertDocumentSource(tx: SqlRunner, documentId: number, sourceId: string): Promise<void> {
  await tx.query('INSERT INTO document_sources(document_id, source_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [documentId, sourceId]);
}
