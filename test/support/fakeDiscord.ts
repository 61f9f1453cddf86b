import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST call the bot made, as the fake Discord received it. */
export interface RestCall {
  method: string;
  path: string;
  query: string;
  body: any;
  at: number;
  /** Id of the message the fake created for this call, if any. */
  responseId?: string;
  /** Files the bot uploaded with this call (multipart/form-data), with their text. */
  files?: Array<{ filename: string; content: string }>;
}

/** A multipart/form-data body as discord.js sends files: `payload_json` is the JSON body, every other part a file. */
function parseMultipart(raw: string, contentType: string): { body: any; files: Array<{ filename: string; content: string }> } {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/.exec(contentType);
  const marker = `--${boundary?.[1] ?? boundary?.[2]}`;
  let body: any = null;
  const files: Array<{ filename: string; content: string }> = [];
  for (const part of raw.split(marker).slice(1, -1)) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) files.push({ filename, content });
    else if (/name="payload_json"/.test(head)) body = JSON.parse(content);
  }
  return { body, files };
}

export const BOT_ID = '100000000000000001';
export const APP_ID = '100000000000000002';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const BOT_THREAD_ID = '300000000000000009';
export const DM_CHANNEL_ID = '400000000000000001';
export const MANAGE_GUILD = 1n << 5n;

/** Who sends an interaction, and where: a member of GUILD_ID in its channel unless told. */
export interface InteractionBy {
  userId?: string;
  permissions?: bigint;
  dm?: boolean;
  guildId?: string;
  channelId?: string;
  /** Deliver to this shard's connection instead of the guild's (what a resharded bot meets: a click on an answer another shard posted). */
  shard?: number;
}

let snowflake = 900000000000000000n;
export const nextId = () => String(++snowflake);

const user = (id: string, name = `user${id.slice(-4)}`) => ({ id, username: name, discriminator: '0', global_name: name, avatar: null, bot: false });

/** A message the bot created, as Discord returns it (to the bot's own request, or in a component interaction). */
function botMessage(id: string, channelId: string, body: any, at: number) {
  return {
    id,
    channel_id: channelId,
    author: { ...user(BOT_ID, 'newsbot'), bot: true },
    content: body?.content ?? '',
    components: body?.components ?? [],
    timestamp: new Date(at).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
  };
}

/** The gateway's rule: a guild's events go to shard (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A fake Discord on 127.0.0.1: the REST API the bot calls (recording every call) and a
 * gateway websocket speaking the real protocol (HELLO, IDENTIFY -> READY, GUILD_CREATE,
 * heartbeats), through which tests dispatch INTERACTION_CREATE and MESSAGE_CREATE.
 *
 * It shards like Discord: `GET /gateway/bot` recommends `recommendedShards`; each
 * connection identifies with `shard: [id, count]`, receives only the guilds of its shard,
 * and events of a guild are dispatched to that shard's connection (DMs to shard 0).
 */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  private server!: Server;
  private wss!: WebSocketServer;
  /** Files members attached to commands, by path, served like Discord's CDN. */
  private readonly attachments = new Map<string, { body: string; contentType: string }>();
  /** Open gateway connections by shard id. */
  private readonly sockets = new Map<number, WebSocket>();
  private sequence = 0;
  private readyResolvers: Array<() => void> = [];
  /** Guilds the bot is in: the first is GUILD_ID, further ones fall on the following shards. */
  readonly guildIds: string[];
  readonly recommendedShards: number;
  shardCount = 1;
  identified = false;
  identifyPayload: any = null;
  readonly identifyPayloads: any[] = [];
  /** Answer thread creation with 403 Missing Permissions, like a channel where the bot lacks Create Public Threads. */
  denyThreads = false;
  port = 0;
  /** The heartbeat interval sent in HELLO; a bot must heartbeat at least this often. */
  readonly heartbeatIntervalMs: number;
  /** When each heartbeat arrived (all shards), to find missed ones. */
  readonly heartbeatTimes: number[] = [];

  constructor(options: { guilds?: number; recommendedShards?: number; heartbeatIntervalMs?: number } = {}) {
    this.guildIds = Array.from({ length: options.guilds ?? 1 }, (_, i) => String(BigInt(GUILD_ID) + (BigInt(i) << 22n)));
    this.recommendedShards = options.recommendedShards ?? 1;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
  }

  /** The text channel of a guild (CHANNEL_ID in the first). */
  channelOf(guildId: string): string {
    return String(BigInt(CHANNEL_ID) + BigInt(this.guildIds.indexOf(guildId)));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handleRest(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws)));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once every shard has identified and received READY and its GUILD_CREATEs. */
  whenReady(): Promise<void> {
    if (this.identified) return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  private send(payload: object, shard = 0): void {
    this.sockets.get(shard)?.send(JSON.stringify(payload));
  }

  /** Sends an event to one shard's connection (shard 0 unless told). */
  dispatch(type: string, data: object, shard = 0): number {
    this.send({ op: 0, t: type, s: ++this.sequence, d: data }, shard);
    return Date.now();
  }

  /** Sends an event to the shard that holds the guild (shard 0 for DMs), as Discord routes it. */
  dispatchTo(guildId: string | undefined, type: string, data: object): number {
    return this.dispatch(type, data, guildId ? shardOfGuild(guildId, this.shardCount) : 0);
  }

  /** Sends any raw frame, e.g. a malformed event. */
  sendRaw(frame: string): void {
    this.sockets.get(0)?.send(frame);
  }

  private onGateway(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.op === 1) {
        this.heartbeatTimes.push(Date.now());
        ws.send(JSON.stringify({ op: 11 }));
      }
      if (message.op === 2) {
        const [shard, count] = (message.d.shard as [number, number] | undefined) ?? [0, 1];
        this.identifyPayload = message.d;
        this.identifyPayloads.push(message.d);
        this.shardCount = count;
        this.sockets.set(shard, ws);
        const guilds = this.guildIds.filter((id) => shardOfGuild(id, count) === shard);
        this.dispatch(
          'READY',
          {
            v: 10,
            user: { ...user(BOT_ID, 'newsbot'), bot: true },
            guilds: guilds.map((id) => ({ id, unavailable: true })),
            session_id: `fake-session-${shard}`,
            resume_gateway_url: `ws://127.0.0.1:${this.port}`,
            application: { id: APP_ID, flags: 0 },
            private_channels: [],
            shard: [shard, count],
          },
          shard,
        );
        for (const id of guilds) this.dispatch('GUILD_CREATE', this.guild(id), shard);
        if (this.sockets.size >= count) {
          this.identified = true;
          setTimeout(() => {
            for (const resolve of this.readyResolvers.splice(0)) resolve();
          }, 50);
        }
      }
    });
  }

  private guild(id: string) {
    const channelId = this.channelOf(id);
    return {
      id,
      name: `Test Guild ${this.guildIds.indexOf(id) + 1}`,
      icon: null,
      owner_id: '999',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      unavailable: false,
      member_count: 3,
      large: false,
      joined_at: new Date().toISOString(),
      roles: [{ id, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      members: [{ user: { ...user(BOT_ID, 'newsbot'), bot: true }, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      channels: [{ id: channelId, type: 0, guild_id: id, name: 'news', position: 0, permission_overwrites: [], nsfw: false, parent_id: null }],
      threads:
        id === GUILD_ID
          ? [
              {
                id: BOT_THREAD_ID,
                type: 11,
                guild_id: GUILD_ID,
                parent_id: CHANNEL_ID,
                owner_id: BOT_ID,
                name: 'News questions',
                thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
                message_count: 1,
                member_count: 2,
              },
            ]
          : [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  /**
   * A file a member attaches to a slash command: its id (the attachment option's value) and the
   * interaction's `resolved` entry; the file is served by this fake at its URL (Discord's CDN).
   */
  attachment(filename: string, body: string, contentType = 'text/x-opml'): { id: string; resolved: object } {
    const id = nextId();
    const path = `/attachments/${id}/${filename}`;
    this.attachments.set(path, { body, contentType });
    const url = `http://127.0.0.1:${this.port}${path}`;
    const entry = { id, filename, size: Buffer.byteLength(body), url, proxy_url: url, content_type: contentType };
    return { id, resolved: { attachments: { [id]: entry } } };
  }

  /** Dispatches a slash command; returns the interaction id and the dispatch time. */
  slashCommand(
    name: string,
    options: Array<{ name: string; type: number; value?: unknown; options?: object[] }>,
    by: { userId?: string; permissions?: bigint; dm?: boolean; guildId?: string; channelId?: string; resolved?: object; autocomplete?: boolean } = {},
  ) {
    // 4: an option being typed (autocomplete, answered with choices), 2: the command sent.
    return this.interaction(by.autocomplete ? 4 : 2, { id: nextId(), name, type: 1, options, ...(by.resolved ? { resolved: by.resolved } : {}) }, by);
  }

  /**
   * A member clicks a button (interaction type 3) on a message the bot posted: `posted` is the
   * REST call that posted or edited it (its components are the bot's), `customId` the button's.
   */
  buttonClick(posted: RestCall, customId: string, by: InteractionBy = {}) {
    return this.interaction(3, { custom_id: customId, component_type: 2 }, by, { message: this.postedMessage(posted, by) });
  }

  /** A member submits a modal the bot opened (interaction type 5), with each text input's value by custom id. */
  modalSubmit(customId: string, values: Record<string, string>, by: InteractionBy = {}) {
    // Discord sends each input inside its label (component type 18), as for modals built with labels.
    const components = Object.entries(values).map(([inputId, value]) => ({
      type: 18,
      id: Number(nextId().slice(-4)),
      component: { type: 4, id: Number(nextId().slice(-4)), custom_id: inputId, value },
    }));
    return this.interaction(5, { custom_id: customId, components }, by);
  }

  /** The callbacks (responses) the bot sent to an interaction: type 4 reply, 5 deferred, 6 deferred update, 9 modal. */
  callbacks(interactionId: string): RestCall[] {
    return this.find('POST', new RegExp(`^/interactions/${interactionId}/[^/]+/callback$`));
  }

  /** The message a recorded post or edit created, as Discord gives it in a component interaction. */
  private postedMessage(posted: RestCall, by: InteractionBy) {
    const channelId = /^\/channels\/(\d+)\//.exec(posted.path)?.[1] ?? (by.dm ? DM_CHANNEL_ID : (by.channelId ?? this.channelOf(by.guildId ?? GUILD_ID)));
    return botMessage(posted.responseId ?? nextId(), channelId, posted.body, posted.at);
  }

  /** Dispatches an interaction of `type` with `data` from a member in a server (or a user in a DM); returns its id, token and dispatch time. */
  private interaction(type: number, interactionData: object, by: InteractionBy, extra: object = {}) {
    const id = nextId();
    const token = `tok-${id}`;
    const userId = by.userId ?? '500000000000000001';
    const guildId = by.guildId ?? GUILD_ID;
    const channelId = by.channelId ?? this.channelOf(guildId);
    const base = {
      id,
      application_id: APP_ID,
      type,
      token,
      version: 1,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { 0: guildId },
      data: interactionData,
      ...extra,
    };
    const data = by.dm
      ? { ...base, context: 1, channel_id: DM_CHANNEL_ID, channel: { id: DM_CHANNEL_ID, type: 1 }, user: user(userId) }
      : {
          ...base,
          context: 0,
          guild_id: guildId,
          guild_locale: 'en-US',
          channel_id: channelId,
          channel: { id: channelId, type: 0, guild_id: guildId, name: 'news', permissions: '2248473465835073' },
          member: {
            user: user(userId),
            roles: [],
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
            permissions: String(by.permissions ?? 1024n),
          },
        };
    const at =
      by.shard !== undefined ? this.dispatch('INTERACTION_CREATE', data, by.shard) : this.dispatchTo(by.dm ? undefined : guildId, 'INTERACTION_CREATE', data);
    return { id, token, at };
  }

  /** Dispatches a message; `mentionBot` adds the mention, `replyTo` makes it a reply. */
  message(content: string, options: { userId?: string; dm?: boolean; mentionBot?: boolean; replyTo?: string; channelId?: string; guildId?: string } = {}) {
    const id = nextId();
    const userId = options.userId ?? '500000000000000001';
    const guildId = options.guildId ?? GUILD_ID;
    const channelId = options.dm ? DM_CHANNEL_ID : (options.channelId ?? this.channelOf(guildId));
    const at = this.dispatchTo(options.dm ? undefined : guildId, 'MESSAGE_CREATE', {
      id,
      channel_id: channelId,
      // Discord names the channel's type (1: DM), so a client that has not seen the DM channel yet can still place the message.
      ...(options.dm ? { channel_type: 1 } : {}),
      ...(options.dm ? {} : { guild_id: guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
      author: user(userId),
      content: options.mentionBot ? `<@${BOT_ID}> ${content}` : content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: options.mentionBot ? [{ ...user(BOT_ID, 'newsbot'), bot: true }] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: options.replyTo ? 19 : 0,
      flags: 0,
      ...(options.replyTo
        ? { message_reference: { type: 0, message_id: options.replyTo, channel_id: channelId, ...(options.dm ? {} : { guild_id: guildId }) } }
        : {}),
    });
    return { id, at };
  }

  /** REST calls matching a method and path pattern. */
  find(method: string, path: RegExp): RestCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Waits until `predicate` holds over the recorded calls (polling), or fails after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; REST calls so far:\n${this.calls.map((c) => `${c.method} ${c.path}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private handleRest(req: IncomingMessage, res: import('node:http').ServerResponse): void {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
      let body: any = null;
      let files: RestCall['files'];
      const contentType = req.headers['content-type'] ?? '';
      if (contentType.startsWith('multipart/form-data')) ({ body, files } = parseMultipart(raw, contentType));
      else {
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch {
          body = raw;
        }
      }
      const call: RestCall = { method: req.method ?? 'GET', path, query: url.search, body, at: Date.now(), ...(files ? { files } : {}) };
      this.calls.push(call);
      const attached = this.attachments.get(url.pathname);
      if (attached && req.method === 'GET') return void res.writeHead(200, { 'content-type': attached.contentType }).end(attached.body);
      const json = (status: number, payload: unknown) => {
        if (payload === undefined) return res.writeHead(status).end(); // 204: no body, no content type
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (path === '/gateway/bot') {
        return json(200, {
          url: `ws://127.0.0.1:${this.port}`,
          shards: this.recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        });
      }
      if (path === '/gateway') return json(200, { url: `ws://127.0.0.1:${this.port}` });
      if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return json(204, undefined);
      /** A new id, recorded as the response's (tests find the message the bot posted). */
      const responseId = () => {
        call.responseId = nextId();
        return call.responseId;
      };
      const messageLike = (channelId: string) => botMessage(responseId(), channelId, body, Date.now());
      // Starting a thread from a message: answered like Discord, and announced on the gateway.
      const startThread = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
      if (startThread && req.method === 'POST') {
        if (this.denyThreads) return json(403, { message: 'Missing Permissions', code: 50013 });
        const thread = {
          id: responseId(),
          type: 11,
          guild_id: GUILD_ID,
          parent_id: startThread[1],
          owner_id: BOT_ID,
          name: body?.name ?? '',
          thread_metadata: {
            archived: false,
            auto_archive_duration: body?.auto_archive_duration ?? 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
          message_count: 0,
          member_count: 1,
          rate_limit_per_user: 0,
          flags: 0,
        };
        this.dispatchTo(GUILD_ID, 'THREAD_CREATE', { ...thread, newly_created: true });
        return json(201, thread);
      }
      const webhook = path.match(/^\/webhooks\/\d+\/[^/]+(\/messages\/(@original|\d+))?$/);
      if (webhook) return json(200, messageLike(CHANNEL_ID));
      const channelMessage = path.match(/^\/channels\/(\d+)\/messages$/);
      if (channelMessage && req.method === 'POST') return json(200, messageLike(channelMessage[1]!));
      if (/^\/channels\/\d+\/typing$/.test(path)) return json(204, undefined);
      if (/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && req.method === 'PUT') {
        return json(
          200,
          (body as object[]).map((c) => ({ ...c, id: nextId(), application_id: APP_ID, version: '1' })),
        );
      }
      if (/^\/channels\/\d+$/.test(path)) return json(200, { id: path.split('/')[2], type: 1, recipients: [user('500000000000000001')] });
      if (path === '/users/@me') return json(200, { ...user(BOT_ID, 'newsbot'), bot: true });
      return json(404, { message: 'Unknown route in fake Discord', code: 0 });
    });
  }
}
