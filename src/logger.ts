import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Paths that could hold a secret are redacted, so a token can never
 * reach the log even if a config or request object is logged by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'newsdesk-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          '*.*.token',
          'config.discord.token',
          'headers.authorization',
          '*.headers.authorization',
          'apiKey',
          '*.apiKey',
          'openaiApiKey',
          '*.openaiApiKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
