import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { ConfigError, isUserFacing, UserFacingError } from '../../src/core/errors.js';
import { QuestionError, validateQuestion } from '../../src/core/questions.js';

describe('one error model', () => {
  it('question and configuration errors are user-facing, with a stable code and their own name', () => {
    const question = (() => {
      try {
        validateQuestion('   ');
      } catch (error) {
        return error;
      }
    })();
    expect(question).toBeInstanceOf(QuestionError);
    expect(question).toBeInstanceOf(UserFacingError);
    expect(question).toMatchObject({ code: 'bad_question', name: 'QuestionError' });
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(ConfigError);
    expect(new ConfigError('X is invalid')).toMatchObject({ code: 'bad_config', name: 'ConfigError' });
  });

  it('anything else is unexpected', () => {
    expect(isUserFacing(new UserFacingError('bad_usage', '--k must be a positive whole number'))).toBe(true);
    expect(isUserFacing(new Error('database exploded'))).toBe(false);
    expect(isUserFacing('a string')).toBe(false);
  });
});
