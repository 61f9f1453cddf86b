import { withOpenedStore } from './storeFixtures.js';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/core/answer/types.js';
import { MAX_FEEDBACK_REASON, type NewAnswerRecord } from '../../src/core/ports/answerLog.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';

/** What a backend's test file gives the answer-log contract besides fresh stores. */
export interface AnswerLogHooks<S extends KnowledgeStore> {
  /** A second handle on the same store (another shard). */
  openAgain(store: S): Promise<S> | S;
  /** Turns the store into one written by the schema before the answer log (its tables gone, version set back), closes it and opens it again. */
  reopenFromSchemaBeforeAnswers(store: S): Promise<S>;
}

const CITATION: Citation = {
  n: 1,
  title: 'Ferry service resumes',
  source: 'https://ferries.example/resume',
  url: 'https://ferries.example/resume',
  language: 'en',
  section: 'body',
  quote: 'The ferry resumed on Monday.',
  story: { id: 7, articles: 1, outlets: ['Ferry News'] },
};

const record = (over: Partial<NewAnswerRecord> = {}): NewAnswerRecord => ({
  at: '2026-12-01T10:00:00.000Z',
  guildId: 'g1',
  channelId: 'c1',
  userId: 'u1',
  question: 'When did the ferry resume?',
  answer: 'It resumed on Monday [1].',
  citations: [CITATION],
  answered: true,
  mode: 'extractive',
  ...over,
});

/** Everything exported, as an array. */
async function exported(store: KnowledgeStore, window = {}) {
  const all = [];
  for await (const answer of store.exportAnswers(window)) all.push(answer);
  return all;
}

/**
 * The answer log of every KnowledgeStore backend (src/core/ports/answerLog.ts): answers and
 * declined questions recorded with their votes, one vote per person and answer, the /status
 * counts of a window, the export, retention, and the migration from older stores.
 */
export function answerLogContract<S extends KnowledgeStore>(backend: string, openEmpty: () => Promise<S> | S, hooks: AnswerLogHooks<S>): void {
  const withEmptyStore = (test: (store: S) => Promise<void>) => withOpenedStore(openEmpty, test);

  describe(`Answer log contract: ${backend}`, () => {
    it('records answers and declined questions and counts a window: since a time, in one server or all', async () => {
      await withEmptyStore(async (store) => {
        await store.recordAnswer(record({ at: '2026-11-01T00:00:00.000Z', answered: false, question: 'old and outside the window' }));
        const answered = await store.recordAnswer(record());
        await store.recordAnswer(
          record({ at: '2026-12-02T00:00:00.000Z', answered: false, question: 'Who won the song contest?', answer: 'not covered', citations: [] }),
        );
        await store.recordAnswer(record({ at: '2026-12-03T00:00:00.000Z', answered: false, question: 'Who won the chess final?', citations: [] }));
        await store.recordAnswer(record({ at: '2026-12-03T00:00:00.000Z', guildId: null, channelId: 'dm', answered: false, question: 'A DM question' }));
        expect(await store.recordFeedback({ answerId: answered, userId: 'u2', vote: 'down', at: '2026-12-01T11:00:00.000Z' })).toBe(true);
        expect(await store.recordFeedback({ answerId: answered, userId: 'u3', vote: 'down', at: '2026-12-01T11:00:00.000Z' })).toBe(true);

        const server = await store.answerSummary({ since: '2026-11-28T00:00:00.000Z', guildId: 'g1' }, 10);
        expect(server).toEqual({
          asked: 3,
          answered: 1,
          declined: 2,
          downvoted: 1,
          declinedQuestions: ['Who won the chess final?', 'Who won the song contest?'],
        });
        const everywhere = await store.answerSummary({ since: '2026-11-28T00:00:00.000Z' }, 2);
        expect(everywhere).toMatchObject({ asked: 4, answered: 1, declined: 3, downvoted: 1 });
        expect(everywhere.declinedQuestions).toHaveLength(2);
        expect((await store.answerSummary({}, 10)).asked).toBe(5);
        expect(await store.answerSummary({ guildId: 'nowhere' }, 10)).toEqual({ asked: 0, answered: 0, declined: 0, downvoted: 0, declinedQuestions: [] });
      });
    });

    it("keeps one vote per person and answer: a second click changes it, a 👎's reason is kept, cut, and cleared by a change", async () => {
      await withEmptyStore(async (store) => {
        const id = await store.recordAnswer(record());
        const vote = async () => (await exported(store))[0]!.feedback;
        await store.recordFeedback({ answerId: id, userId: 'u2', vote: 'up', at: '2026-12-01T11:00:00.000Z' });
        expect(await vote()).toEqual([{ userId: 'u2', vote: 'up', reason: null, at: '2026-12-01T11:00:00.000Z' }]);
        await store.recordFeedback({ answerId: id, userId: 'u2', vote: 'down', at: '2026-12-01T11:01:00.000Z' });
        await store.recordFeedback({ answerId: id, userId: 'u2', vote: 'down', reason: `  ${'x'.repeat(400)} `, at: '2026-12-01T11:02:00.000Z' });
        expect(await vote()).toEqual([{ userId: 'u2', vote: 'down', reason: 'x'.repeat(MAX_FEEDBACK_REASON), at: '2026-12-01T11:02:00.000Z' }]);
        // 👎 clicked again (the modal opens again): the reason stays until another is given.
        await store.recordFeedback({ answerId: id, userId: 'u2', vote: 'down', at: '2026-12-01T11:03:00.000Z' });
        expect((await vote())[0]!.reason).toBe('x'.repeat(MAX_FEEDBACK_REASON));
        await store.recordFeedback({ answerId: id, userId: 'u2', vote: 'up', at: '2026-12-01T11:04:00.000Z' });
        expect(await vote()).toEqual([{ userId: 'u2', vote: 'up', reason: null, at: '2026-12-01T11:04:00.000Z' }]);
        // A reason belongs to a 👎 only; a blank one is none.
        await store.recordFeedback({ answerId: id, userId: 'u3', vote: 'up', reason: 'great', at: '2026-12-01T11:05:00.000Z' });
        await store.recordFeedback({ answerId: id, userId: 'u4', vote: 'down', reason: '   ', at: '2026-12-01T11:06:00.000Z' });
        expect((await vote()).map((f) => [f.userId, f.vote, f.reason])).toEqual([
          ['u2', 'up', null],
          ['u3', 'up', null],
          ['u4', 'down', null],
        ]);
        expect(await store.recordFeedback({ answerId: id + 1000, userId: 'u2', vote: 'up', at: '2026-12-01T11:07:00.000Z' })).toBe(false);
      });
    });

    it('exports every answer oldest first with its fields and votes, within a window', async () => {
      await withEmptyStore(async (store) => {
        const first = await store.recordAnswer(record({ mode: 'llm' }));
        const second = await store.recordAnswer(record({ at: '2026-12-02T00:00:00.000Z', guildId: null, channelId: 'dm', answered: false, citations: [] }));
        await store.recordFeedback({ answerId: second, userId: 'u9', vote: 'down', reason: 'it is covered', at: '2026-12-02T00:01:00.000Z' });
        const all = await exported(store);
        expect(all).toEqual([
          { id: first, ...record({ mode: 'llm' }), feedback: [] },
          {
            id: second,
            ...record({ at: '2026-12-02T00:00:00.000Z', guildId: null, channelId: 'dm', answered: false, citations: [] }),
            feedback: [{ userId: 'u9', vote: 'down', reason: 'it is covered', at: '2026-12-02T00:01:00.000Z' }],
          },
        ]);
        expect((await exported(store, { since: '2026-12-01T12:00:00.000Z' })).map((a) => a.id)).toEqual([second]);
        expect((await exported(store, { guildId: 'g1' })).map((a) => a.id)).toEqual([first]);
      });
    });

    it('exports page after page (more answers than one query reads)', async () => {
      await withEmptyStore(async (store) => {
        const ids: number[] = [];
        for (let i = 0; i < 520; i++) ids.push(await store.recordAnswer(record({ question: `q${i}` })));
        await store.recordFeedback({ answerId: ids[510]!, userId: 'u2', vote: 'up', at: '2026-12-01T11:00:00.000Z' });
        const all = await exported(store);
        expect(all.map((a) => a.id)).toEqual(ids);
        expect(all[510]!.feedback).toHaveLength(1);
        expect(all.filter((a) => a.feedback.length > 0)).toHaveLength(1);
      });
    }, 60_000);

    it('prunes answers older than a time with their votes; a vote on a pruned answer is refused', async () => {
      await withEmptyStore(async (store) => {
        const old = await store.recordAnswer(record({ at: '2026-09-01T00:00:00.000Z' }));
        const recent = await store.recordAnswer(record({ at: '2026-12-01T00:00:00.000Z' }));
        await store.recordFeedback({ answerId: old, userId: 'u2', vote: 'down', reason: 'bad', at: '2026-09-02T00:00:00.000Z' });
        await store.recordFeedback({ answerId: recent, userId: 'u2', vote: 'up', at: '2026-12-01T01:00:00.000Z' });
        expect(await store.pruneAnswers('2026-10-01T00:00:00.000Z')).toBe(1);
        expect(await store.pruneAnswers('2026-10-01T00:00:00.000Z')).toBe(0);
        expect((await exported(store)).map((a) => [a.id, a.feedback.length])).toEqual([[recent, 1]]);
        expect(await store.recordFeedback({ answerId: old, userId: 'u3', vote: 'up', at: '2026-12-02T00:00:00.000Z' })).toBe(false);
        expect((await store.answerSummary({}, 10)).downvoted).toBe(0);
        // Ids are never reused: the buttons of a pruned answer must not vote on a newer one.
        expect(await store.pruneAnswers('2027-01-01T00:00:00.000Z')).toBe(1);
        expect(await store.recordAnswer(record())).toBeGreaterThan(recent);
      });
    });

    it('shares answers and votes between handles (a click handled by another shard than the one that answered)', async () => {
      await withEmptyStore(async (store) => {
        const other = await hooks.openAgain(store);
        try {
          const id = await store.recordAnswer(record({ answered: false }));
          expect(await other.recordFeedback({ answerId: id, userId: 'u2', vote: 'down', reason: 'please cover it', at: '2026-12-01T11:00:00.000Z' })).toBe(
            true,
          );
          expect(await store.answerSummary({}, 5)).toMatchObject({ asked: 1, declined: 1, downvoted: 1 });
          expect((await exported(store))[0]!.feedback[0]!.reason).toBe('please cover it');
        } finally {
          await other.close();
        }
      });
    });

    it('adds the answer log to a store written before it', async () => {
      const before = await openEmpty();
      const store = await hooks.reopenFromSchemaBeforeAnswers(before);
      try {
        const id = await store.recordAnswer(record());
        expect(await store.recordFeedback({ answerId: id, userId: 'u2', vote: 'up', at: '2026-12-01T11:00:00.000Z' })).toBe(true);
        expect((await store.answerSummary({}, 5)).asked).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}
