import { extractiveAnswerer, type Answerer } from '../core/knowledgeBase.js';
import type { LlmSettings } from './llmSettings.js';

/**
 * The answerer LLM_PROVIDER asks for; misconfiguration throws a ConfigError naming the
 * variable. The LLM libraries are loaded only when a provider is configured.
 */
export async function createAnswerer(settings: LlmSettings, options: { log?: (m: string) => void } = {}): Promise<Answerer> {
  if (settings.provider === 'none') return extractiveAnswerer;
  const [{ createChatModel }, { rewriteFollowUp }, { LlmAnswerer }] = await Promise.all([
    import('./chatModel.js'),
    import('./followUpRewriter.js'),
    import('./llmAnswerer.js'),
  ]);
  const model = createChatModel(settings);
  const answerer = new LlmAnswerer(model, { timeoutMs: settings.timeoutMs, log: options.log });
  return Object.assign(answerer, {
    standaloneQuestion: (previous: string, followUp: string) => rewriteFollowUp(model, previous, followUp, settings.timeoutMs),
  });
}
