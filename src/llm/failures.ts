/** A short, user-presentable reason for a failed model call (no stack, no secrets). */
export function describeLlmFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; status?: number; code?: string; cause?: { code?: string } };
  const message = e?.message ?? String(error);
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || /timed? ?out|aborted/i.test(message))
    return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  if (e?.status === 429 || /429|rate limit/i.test(message)) return 'rate limited by the model server';
  if (typeof e?.status === 'number') return `HTTP ${e.status} from the model server`;
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|connect|network|socket/i.test(`${message} ${e?.code ?? ''} ${e?.cause?.code ?? ''}`))
    return 'could not connect to the model server';
  return `model error: ${message.slice(0, 120)}`;
}
