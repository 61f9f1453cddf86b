import type { Config } from '../config.js';
import { extractiveAnswerer, type Answerer } from '../core/knowledgeBase.js';
import { createChatModel } from './chatModel.js';
import { rewriteFollowUp } from './followUpRewriter.js';
import { LlmAnswerer } from './llmAnswerer.js';

/** The answerer LLM_PROVIDER asks for; misconfiguration throws a ConfigError naming the variable. */
export function createAnswererFromConfig(config: Config, options: { log?: (m: string) => void } = {}): Answerer {
  if (config.llm.provider === 'none') return extractiveAnswerer;
  const model = createChatModel(config);
  const answerer = new LlmAnswerer(model, { timeoutMs: config.llm.timeoutMs, log: options.log });
  return Object.assign(answerer, {
    standaloneQuestion: (previous: string, followUp: string) => rewriteFollowUp(model, previous, followUp, config.llm.timeoutMs),
  });
}
