import { randomBytes } from 'node:crypto';

/**
 * An expected failure the user can act on (rate limited, not allowed, question too long).
 * Its message is shown as is; nothing is logged as an error.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(readonly code: 'rate_limited' | 'not_allowed' | 'bad_question' | 'busy' | 'shutting_down', message: string) {
    super(message);
  }
}

/** A short id shown to the user and written to the log with the stack, to find one from the other. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apologyFor(errorId: string): string {
  return `Sorry, something went wrong while answering. Please try again later. (error id ${errorId})`;
}
