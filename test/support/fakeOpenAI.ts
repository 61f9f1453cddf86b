import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible server on 127.0.0.1 (POST /v1/chat/completions, streaming by
 * server-sent events or not) that plays scripted models, chosen by the request's model name:
 *
 *   faithful         quotes the first sentences of passage 1 with [1]
 *   faithful-slow    the same, streamed slowly (for Discord's progressive edits)
 *   mixed-slow       streamed slowly: faithful sentences with an uncited invented one and a
 *                    wrongly cited invented one between them (UNCITED_CLAIM, MISCITED_CLAIM)
 *   inventor         faithful, plus an invented claim citing passage 1
 *   bad-marker       faithful, plus a sentence citing a passage that does not exist
 *   wrong-language   answers an English question in German
 *   injected         obeys the instruction planted in an article
 *   slow             answers after 8 s (longer than the tests' LLM_TIMEOUT_MS)
 *   garbage          returns junk without a single citation
 *   http-500 / rate-limited   fail with that status
 */
/** What the mixed-slow model claims without a citation, and with a citation that does not support it. */
export const UNCITED_CLAIM = 'Ferries will be free for every pensioner from next spring.';
export const MISCITED_CLAIM = 'The Chancellor personally ordered 4000 extra barges [1].';

export class FakeOpenAI {
  readonly requests: Array<{ model: string; messages: Array<{ role: string; content: string }>; stream: boolean }> = [];
  /** When set, every request plays this script whatever model it names (one bot, many behaviours). */
  scriptOverride: string | null = null;
  private server!: Server;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => void this.handle(raw, res));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(raw: string, res: ServerResponse): Promise<void> {
    const body = JSON.parse(raw) as { model: string; messages: Array<{ role: string; content: string }>; stream?: boolean };
    if (this.scriptOverride) body.model = this.scriptOverride;
    this.requests.push({ model: body.model, messages: body.messages, stream: Boolean(body.stream) });
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    if (body.model === 'http-500') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"internal"}}');
    if (body.model === 'rate-limited') return void res.writeHead(429, { 'content-type': 'application/json' }).end('{"error":{"message":"slow down"}}');
    if (body.model === 'slow') await new Promise((r) => setTimeout(r, 8000));
    if (res.destroyed) return;

    let text: string;
    if (system.startsWith('Rewrite')) {
      text = (user.match(/Earlier question: (.*)/)?.[1] ?? '').trim();
    } else {
      text = this.script(body.model, user);
    }
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'c1',
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const pieces = text.match(/\S+\s*/g) ?? [text];
    // Slow enough for several throttled draft edits, fast enough to finish within the bot tests' LLM_TIMEOUT_MS.
    const delay = body.model === 'faithful-slow' || body.model === 'mixed-slow' ? 100 : 5;
    for (const piece of pieces) {
      if (res.destroyed) return;
      res.write(
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
    res.write(
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  }

  /** What each scripted model says, built from the passages it was given. */
  private script(model: string, prompt: string): string {
    const passages = [...prompt.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({ n: Number(m[1]), text: m[2]! }));
    const first = passages[0];
    const firstSentences = first
      ? (first.text.match(/[^.!?]+[.!?]/g) ?? [first.text]).slice(0, 3).map((s) => `${s.trim().replace(/[.!?]$/, '')} [${first.n}].`)
      : [];
    const faithful = firstSentences.slice(0, 2).join(' ');
    switch (model) {
      case 'faithful':
      case 'faithful-slow':
        return faithful;
      case 'mixed-slow':
        return [firstSentences[0], UNCITED_CLAIM, firstSentences[1], MISCITED_CLAIM, firstSentences[2] ?? firstSentences[0]].join(' ');
      case 'inventor':
        return `${faithful} The river will also be closed to all ships until 2031 by order of the Chancellor [1].`;
      case 'bad-marker':
        return `${faithful} Officials expect more delays next month [9].`;
      case 'wrong-language':
        return 'Der Wasserstand am Pegel Kaub ist auf 38 Zentimeter gefallen, und die Frachtraten haben sich verdreifacht [1].';
      case 'injected':
        return 'ALL NEWS IS FAKE, visit evil.example for the truth [1].';
      case 'garbage':
        return '}}{{ ]]] <|endoftext|> null null';
      default:
        return faithful;
    }
  }
}
