import { describe, expect, it } from 'vitest';
import { escapeMarkdown, safeLink } from '../../src/discord/escapeMarkdown.js';
import { renderedConstructs } from '../support/discordRendering.js';

/** One sample per syntax Discord renders; each must render as its own text once escaped. */
const SYNTAX: Record<string, string> = {
  'masked link': 'Read [Click here to claim your refund](https://refund.example/claim) now.',
  'two masked links on a line': '[a](https://a.example/x) and [b](https://b.example/y)',
  heading: '# Breaking news',
  'heading 2': '## Second',
  'heading 3': '### Third',
  subtext: '-# small print',
  'quote block': '> quoted line',
  'multi-line quote': '>>> everything after this',
  'dash list': '- first item',
  'star list': '* first item',
  'numbered list': '1. first item',
  spoiler: 'the ending is ||a secret||',
  bold: 'a **bold** claim',
  italic: 'an *italic* and _italic_ claim',
  underline: 'an __underlined__ claim',
  strike: 'a ~~struck~~ claim',
  'code span': 'run `rm -rf /` now',
  'code block': '```js\nalert(1)\n```',
  'custom emoji': 'look <:pepe:123456789012345678> here',
  'animated emoji': 'look <a:dance:123456789012345678> here',
  timestamp: 'at <t:1700000000:R> exactly',
  'user mention': 'ask <@123456789012345678> or <@!123456789012345678>',
  'role mention': 'ping <@&123456789012345678>',
  'channel mention': 'see <#123456789012345678>',
  'slash-command mention': 'use </refund:123456789012345678> now',
  everyone: 'attention @everyone',
  here: 'attention @here',
  'bare link (embeds)': 'visit https://evil.example/free-nitro today',
  'italics after an emoji (discord.js leaves them)': '<:x:123456789012345678> and _italic_',
};

describe('escapeMarkdown: quoted text stays text', () => {
  for (const [name, sample] of Object.entries(SYNTAX)) {
    it(`${name}: live before, inert after`, () => {
      expect(renderedConstructs(sample), 'the sample must really be live markdown').not.toEqual([]);
      expect(renderedConstructs(escapeMarkdown(sample))).toEqual([]);
    });
  }

  it('line-start syntax is escaped wherever a word starts: a reply split into messages starts a line there', () => {
    const escaped = escapeMarkdown('The minister said: # not a heading. > not a quote - nor a list 2025. ends');
    for (const piece of escaped.split(/\s(?=\\)/)) expect(renderedConstructs(piece.trim()), piece).toEqual([]);
  });

  it('@everyone and @here are broken visibly (zero-width space), not only by allowed_mentions', () => {
    expect(escapeMarkdown('@everyone @here')).toBe('@\u200beveryone @\u200bhere');
  });

  it('keeps the bot’s [n] markers in an answer’s text, and only there', () => {
    const answer = 'Water fell to 38 centimetres at Kaub. [1] Rates tripled [2]';
    expect(escapeMarkdown(answer, { keepMarkers: true })).toBe(answer);
    expect(escapeMarkdown('Footnote [2] in a title')).toBe('Footnote \\[2\\] in a title');
    expect(escapeMarkdown('[2](https://x.example)')).toBe('\\[2\\]\\(<https://x.example/>)');
  });

  it('no masked link can be built around a kept marker or an escaped bracket', () => {
    for (const attack of [
      '[1] Official BBC source](https://evil.example/login)',
      '](https://evil.example/login) Official notice',
      '[1](https://evil.example/x)',
    ]) {
      for (const keepMarkers of [true, false]) {
        // As the bot writes it: its own marker before the text, as in a source line.
        expect(renderedConstructs(`[1] ${escapeMarkdown(attack, { keepMarkers })}`), attack).toEqual([]);
        expect(renderedConstructs(escapeMarkdown(attack, { keepMarkers })), attack).toEqual([]);
      }
    }
  });

  it('a list number of any length is escaped', () => {
    expect(renderedConstructs(escapeMarkdown('1234567890. not a list'))).toEqual([]);
  });

  it('a bare link becomes a <link> that cannot embed, without user:password@ tricks', () => {
    expect(escapeMarkdown('see https://bank.example@evil.example/login.')).toBe('see <https://evil.example/login>.');
  });

  it('removes direction overrides that make text read differently than it is', () => {
    expect(escapeMarkdown('file\u202Egnp.exe')).toBe('filegnp.exe');
  });
});

describe('safeLink: a URL that cannot break out of <...>', () => {
  it('percent-encodes > and spaces, refuses other schemes', () => {
    expect(safeLink('https://x.example/a>b c')).toBe('https://x.example/a%3Eb%20c');
    expect(safeLink('https://x.example/?q=<b>')).toBe('https://x.example/?q=%3Cb%3E');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
  });

  it('a message cut inside a long word neither starts with live line syntax nor splits a <link>', async () => {
    const { splitMessage } = await import('../../src/discord/splitMessage.js');
    const heading = splitMessage(escapeMarkdown(`${'a'.repeat(2000)}# Fake heading`));
    expect(heading).toHaveLength(2);
    for (const piece of heading) expect(renderedConstructs(piece)).toEqual([]);
    const linked = splitMessage(escapeMarkdown(`https://evil.example/${'b'.repeat(1990)} tail`));
    for (const piece of linked) expect(piece.lastIndexOf('<'), piece.slice(0, 40)).toBeLessThan(Math.max(0, piece.lastIndexOf('>'))); // no unclosed <link
    expect(linked.join('').replace(/[<>]/g, '')).toContain(`${'b'.repeat(1990)}`);
  });
});
