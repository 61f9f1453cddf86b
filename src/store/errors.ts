import { UserFacingError } from '../core/errors.js';

/** The store file is damaged or not a news store; the message says how to rebuild it. */
export class StoreCorruptError extends UserFacingError {
  override name = 'StoreCorruptError';
  constructor(path: string, cause: unknown) {
    super(
      'store_corrupt',
      `The news store at ${path} is damaged or not a news store (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Run "npm run ingest -- --rebuild" to move it aside and rebuild it from your sources.',
    );
  }
}

/** Another process holds the one-ingest-at-a-time lock; callers check for it by type (the worker skips a run). */
export class IngestLockedError extends UserFacingError {
  override name = 'IngestLockedError';
  constructor(holder: string) {
    super('ingest_locked', `Another ingestion is already running (${holder}). Wait for it to finish, then try again.`);
  }
}
