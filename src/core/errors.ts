/**
 * The stable identifiers of failures a person can act on. Logs and tests match on these, never
 * on message text; a code is listed here only while something throws it.
 */
export type UserErrorCode =
  /** A Discord user asked too many questions in the last minute. */
  | 'rate_limited'
  /** The user may not do this (a /reingest by someone who is not an admin). */
  | 'not_allowed'
  /** The work asked for is already running (a second /reingest). */
  | 'busy'
  /** An empty, oversized or wordless question. */
  | 'bad_question'
  /** A command-line option or argument that cannot be used as given. */
  | 'bad_usage'
  /** A configuration variable (environment or .env) that is missing or invalid. */
  | 'bad_config'
  /** A configured news source that cannot be read as a location. */
  | 'bad_source'
  /** A server already has MAX_SOURCES_PER_SERVER sources of its own (/feeds add, /feeds import). */
  | 'source_limit'
  /** An address or file given in Discord that cannot be added as a source (refused, not found, not a feed). */
  | 'bad_address'
  /** Another process holds the store's one-ingest-at-a-time lock. */
  | 'ingest_locked'
  /** Nothing has been ingested yet: there is nothing to answer from. */
  | 'store_empty'
  /** The news store is damaged or not a news store. */
  | 'store_corrupt';

/**
 * The one error model: an expected failure the user can act on. Its message says what
 * happened and what to do, and is shown as is (Discord reply, CLI stderr) without a stack;
 * every other error is unexpected, logged with its stack and answered with an apology.
 * Subclasses exist only where code checks the type (`instanceof`); otherwise throw this class
 * with the right code.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}

/** A configuration variable that is missing or invalid; the message names it and says how to fix it. */
export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
  constructor(message: string) {
    super('bad_config', message);
  }
}

/** What a server that already has its MAX_SOURCES_PER_SERVER sources is told. */
export function sourceLimitReached(limit: number): string {
  return `this server has reached its limit of ${limit} source${limit === 1 ? '' : 's'} (MAX_SOURCES_PER_SERVER); remove one with /feeds remove first`;
}

/** A source added to a server that already has its limit (the store checks it in the same transaction as the insert). */
export class SourceLimitError extends UserFacingError {
  override name = 'SourceLimitError';
  constructor(readonly limit: number) {
    super('source_limit', `Not added: ${sourceLimitReached(limit)}.`);
  }
}
