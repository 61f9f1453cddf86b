import type { Config } from '../config.js';
import { extractiveAnswerer, type Answerer } from '../core/knowledgeBase.js';

/**
 * The answerer LLM_PROVIDER asks for; misconfiguration throws a ConfigError naming the
 * variable. The LLM libraries are loaded only when a provider is configured.
 */
export async function createAnswererFromConfig(config: Config, options: { log?: (m: string) => void } = {}): Promise<Answerer> {
  if (config.llm.provider === 'none') return extractiveAnswerer;
  const [{ createChatModel }, { rewriteFollowUp }, { LlmAnswerer }] = await Promise.all([
    import('./chatModel.js'),
    import('./followUpRewriter.js'),
    import('./llmAnswerer.js'),
  ]);
  const model = createChatModel(config);
  const answerer = new LlmAnswerer(model, { timeoutMs: config.llm.timeoutMs, log: options.log });
  return Object.assign(answerer, {
    standaloneQuestion: (previous: string, followUp: string) => rewriteFollowUp(model, previous, followUp, config.llm.timeoutMs),
  });
}
