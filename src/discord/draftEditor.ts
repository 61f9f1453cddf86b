import { escapeMarkdown } from './escapeMarkdown.js';

/** Minimum time between two edits of a streaming draft (Discord rate-limits message edits). */
export const DRAFT_EDIT_INTERVAL_MS = 1500;

/**
 * Shows a growing draft (an LLM streaming tokens) by editing a message at most every 1.5 s.
 * Drafts are the model's checked sentences (see src/llm/checkedDrafts.ts), escaped like every
 * quote (escapeMarkdown). `finish` waits for an edit in flight so the final answer is never
 * overwritten by a late draft.
 */
export function createDraftEditor(edit: (text: string) => Promise<unknown>, intervalMs = DRAFT_EDIT_INTERVAL_MS) {
  let lastEdit = 0;
  let pending: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();
  let finished = false;

  const flush = () => {
    timer = null;
    if (pending === null || finished) return;
    // Cut after escaping: escapes lengthen the text, and a draft must stay one message.
    const escaped = escapeMarkdown(pending, { keepMarkers: true });
    const text = escaped.length > 1900 ? `${escaped.slice(0, 1900)} …` : escaped;
    pending = null;
    lastEdit = Date.now();
    inFlight = inFlight.then(() => edit(`${text} ▌`)).catch(() => undefined);
  };

  return {
    update(text: string): void {
      if (finished || !text.trim()) return;
      pending = text;
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, lastEdit + intervalMs - Date.now()));
    },
    async finish(): Promise<void> {
      finished = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
