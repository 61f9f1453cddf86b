/** Errors a person can act on: each message says what happened and how to fix it. */
export class StoreCorruptError extends Error {
  constructor(path: string, cause: unknown) {
    super(
      `The news store at ${path} is damaged or not a news store (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Run "npm run ingest -- --rebuild" to move it aside and rebuild it from your sources.',
    );
    this.name = 'StoreCorruptError';
  }
}

export class IngestLockedError extends Error {
  constructor(holder: string) {
    super(`Another ingestion is already running (${holder}). Wait for it to finish, then try again.`);
    this.name = 'IngestLockedError';
  }
}
