import { describe, expect, it } from 'vitest';
import { feedbackButtons, parseFeedbackId, reasonModal } from '../../src/discord/feedback/feedbackComponents.js';

describe('feedback components', () => {
  it("carry the recorded answer's id, and only well-formed ids are taken for feedback", () => {
    const [up, down] = feedbackButtons(42).toJSON().components as Array<{ custom_id: string }>;
    expect(parseFeedbackId(up!.custom_id)).toEqual({ kind: 'vote', vote: 'up', answerId: 42 });
    expect(parseFeedbackId(down!.custom_id)).toEqual({ kind: 'vote', vote: 'down', answerId: 42 });
    expect(parseFeedbackId(reasonModal(42).toJSON().custom_id)).toEqual({ kind: 'reason', answerId: 42 });
    for (const other of ['feedback:up:', 'feedback:up:4x', 'feedback:sideways:4', 'feedback:up:1234567890123456', 'digest:up:4', ' feedback:up:4'])
      expect(parseFeedbackId(other)).toBeNull();
  });

  it('the modal asks for one optional reason of at most 300 characters (the store keeps no more)', () => {
    const modal = reasonModal(7).toJSON();
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(1);
    expect(modal.components[0]).toMatchObject({ type: 18, component: { type: 4, custom_id: 'reason', required: false, max_length: 300 } });
  });
});
