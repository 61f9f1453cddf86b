import { benchColdStart, type ColdStartResult } from '../coldStart.js';
import { log } from '../benchScale.js';

/**
 * `npm run ask` from a cold process. Run first, while this process is small: spawning from a
 * parent holding gigabytes of vectors adds fork time that a user's shell does not have.
 */
export function coldStartSection(): ColdStartResult {
  log('cold start of npm run ask (compiled CLI, lexical mode)');
  return benchColdStart();
}
