import { describe, expect, it, vi } from 'vitest';
import { createDraftEditor } from '../../src/discord/draftEditor.js';

describe('draft editor', () => {
  it('edits at most once per interval and never after finish', async () => {
    vi.useFakeTimers();
    const edits: string[] = [];
    const draft = createDraftEditor(async (t) => void edits.push(t), 1500);
    draft.update('a');
    draft.update('ab');
    await vi.advanceTimersByTimeAsync(10);
    expect(edits).toEqual(['ab ▌']);
    draft.update('abc');
    await vi.advanceTimersByTimeAsync(1000);
    expect(edits).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(edits).toEqual(['ab ▌', 'abc ▌']);
    draft.update('abcd');
    await draft.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(edits).toHaveLength(2);
    vi.useRealTimers();
  });
});
