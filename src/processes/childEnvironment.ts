/**
 * The environment a worker (thread or process) starts with: an allow-list, so a worker that
 * parses hostile pages or runs a native model never holds DISCORD_TOKEN, OPENAI_API_KEY,
 * DATABASE_URL or anything else it does not need. Workers get their settings from their
 * parent as messages or workerData, not from the environment; what is left is what Node,
 * the C library and the loaders read (paths, locale, time zone, temp dirs, NODE_* options).
 */
const ALLOWED = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|TZ|TMPDIR|TMP|TEMP|LC_[A-Z_]+|NODE_[A-Z0-9_]+|TSX_[A-Z0-9_]+|UV_THREADPOOL_SIZE)$/;

/**
 * Allow-listed variables of `source`, plus the named `extra` ones (the embedding worker adds
 * the Hugging Face token transformers.js reads to download a gated model).
 */
export function childEnvironment(extra: readonly string[] = [], source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && (ALLOWED.test(name) || extra.includes(name))) env[name] = value;
  }
  return env;
}
