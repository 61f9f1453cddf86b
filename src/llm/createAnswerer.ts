import type { Config } from '../config.js';
import { extractiveAnswerer, type Answerer } from '../core/knowledgeBase.js';

/** The answerer the configuration asks for (LLM_PROVIDER). */
export function createAnswererFromConfig(config: Config, _options: { log?: (m: string) => void } = {}): Answerer {
  if (config.llm.provider === 'none') return extractiveAnswerer;
  throw new Error(`LLM_PROVIDER=${config.llm.provider} is not supported yet`);
}
