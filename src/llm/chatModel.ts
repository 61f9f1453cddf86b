import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import { ConfigError } from '../core/errors.js';
import type { LlmSettings } from './llmSettings.js';

/**
 * Checks the LLM settings at start-up and names the variable to fix, instead of failing at
 * the first question.
 */
export function validateLlmSettings(settings: LlmSettings): void {
  const { provider, model, openaiBaseUrl, openaiApiKey, ollamaBaseUrl } = settings;
  if (provider === 'none') return;
  if (!model) throw new ConfigError(`LLM_PROVIDER=${provider} needs LLM_MODEL (the model name, e.g. gpt-4o-mini or llama3.1:8b). Set it in .env.`);
  const checkUrl = (name: string, value: string | undefined) => {
    if (!value) return;
    try {
      new URL(value);
    } catch {
      throw new ConfigError(`${name} is not a valid URL ("${value}"). Set it in .env, e.g. http://127.0.0.1:8000/v1.`);
    }
  };
  if (provider === 'openai') {
    if (!openaiBaseUrl && !openaiApiKey) {
      throw new ConfigError(
        'LLM_PROVIDER=openai needs OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL (for a compatible server such as vLLM, llama.cpp or LM Studio). Set it in .env.',
      );
    }
    checkUrl('OPENAI_BASE_URL', openaiBaseUrl);
  }
  if (provider === 'ollama') checkUrl('OLLAMA_BASE_URL', ollamaBaseUrl);
}

/** The langchain chat model for the configured provider (no retries: failures fall back fast). */
export function createChatModel(settings: LlmSettings): BaseChatModel {
  validateLlmSettings(settings);
  const { provider, model, timeoutMs, openaiBaseUrl, openaiApiKey, ollamaBaseUrl } = settings;
  if (provider === 'openai') {
    return new ChatOpenAI({
      model: model!,
      apiKey: openaiApiKey ?? 'not-needed',
      configuration: openaiBaseUrl ? { baseURL: openaiBaseUrl } : {},
      temperature: 0,
      timeout: timeoutMs,
      maxRetries: 0,
      streamUsage: false,
    });
  }
  if (provider === 'ollama') {
    return new ChatOllama({ model: model!, baseUrl: ollamaBaseUrl ?? 'http://127.0.0.1:11434', temperature: 0 });
  }
  throw new ConfigError(`LLM_PROVIDER=${provider} has no chat model`);
}
