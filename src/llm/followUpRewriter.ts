import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

const SYSTEM = `Rewrite the user's follow-up into one standalone question that can be understood without the conversation.
Keep the language of the follow-up. Output only the question, nothing else.`;

/**
 * Turns a follow-up ("and when was that?") into a standalone question with the model, so
 * retrieval sees what it is about. Falls back to joining both questions when the model fails
 * or returns something unusable.
 */
export async function rewriteFollowUp(model: BaseChatModel, previous: string, followUp: string, timeoutMs: number): Promise<string> {
  const joined = `${previous} ${followUp}`;
  try {
    const reply = await model.invoke(
      [
        ['system', SYSTEM],
        ['human', `Earlier question: ${previous}\nFollow-up: ${followUp}`],
      ],
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    const text = typeof reply.content === 'string' ? reply.content.trim().replace(/^["'“„«]|["'”“»]$/g, '') : '';
    if (!text || text.length > 500 || text.split('\n').length > 2) return joined;
    return text;
  } catch {
    return joined;
  }
}
