import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/discord/splitMessage.js';

describe('splitMessage', () => {
  it('keeps short text whole and splits long text at paragraph, line, sentence, then word boundaries', () => {
    expect(splitMessage('short')).toEqual(['short']);
    const sources = Array.from(
      { length: 30 },
      (_, i) => `[${i + 1}] A fairly long source title number ${i + 1} — Outlet, 2026-01-01, en — <https://example.com/${i}>`,
    ).join('\n');
    const text = `${'Sentence one is here. '.repeat(60)}\n\nSources:\n${sources}`;
    const pieces = splitMessage(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    // Every source line survives intact in exactly one piece.
    for (const line of sources.split('\n')) expect(pieces.filter((p) => p.split('\n').includes(line))).toHaveLength(1);
    const words = splitMessage('word '.repeat(1000));
    expect(words.every((p) => /^word( word)*$/.test(p))).toBe(true);
  });
});
