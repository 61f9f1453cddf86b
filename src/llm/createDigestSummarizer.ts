import type { DigestSummarizer } from '../core/digest/digest.js';
import type { LlmSettings } from './llmSettings.js';

/** The digest summariser LLM_PROVIDER asks for, or null without one (digests are offline then). LLM libraries load only when configured. */
export async function createDigestSummarizer(settings: LlmSettings, options: { log?: (m: string) => void } = {}): Promise<DigestSummarizer | null> {
  if (settings.provider === 'none') return null;
  const [{ createChatModel }, { LlmDigestSummarizer }] = await Promise.all([import('./chatModel.js'), import('./digestSummarizer.js')]);
  return new LlmDigestSummarizer(createChatModel(settings), { timeoutMs: settings.timeoutMs, log: options.log });
}
