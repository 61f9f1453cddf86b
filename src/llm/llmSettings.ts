/** What the LLM adapters need to know (LLM_* and the provider's variables, read by src/app/config.ts). */
export interface LlmSettings {
  /** `none` answers extractively, without a language model. */
  provider: 'none' | 'openai' | 'ollama';
  model: string | undefined;
  timeoutMs: number;
  openaiBaseUrl: string | undefined;
  openaiApiKey: string | undefined;
  ollamaBaseUrl: string | undefined;
}
