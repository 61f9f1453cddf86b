import { describe, expect, it } from 'vitest';
import { MAX_OPML_CHARS, MAX_OPML_FEEDS, MAX_OUTLINE_DEPTH, OpmlError, type OpmlFeed, parseOpml, writeOpml } from '../../../ingest/feeds/opml.js';

/** Shaped like Feedly's export: folders as outlines with text and title, feeds with type, text, title, xmlUrl, htmlUrl. */
const FEEDLY = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head>
    <title>Ana subscriptions in feedly Cloud</title>
  </head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="BBC News - World" title="BBC News - World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/world"/>
      <outline type="rss" text="Al Jazeera" title="Al Jazeera" xmlUrl="https://www.aljazeera.com/xml/rss/all.xml" htmlUrl="https://www.aljazeera.com"/>
    </outline>
    <outline text="Tech &amp; Science" title="Tech &amp; Science">
      <outline type="rss" text="Ars Technica" title="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
    </outline>
  </body>
</opml>`;

/** Shaped like Inoreader's: OPML 1.0, folders nested two deep, the same feed in two folders, text only (no title). */
const INOREADER = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Subscriptions from Inoreader [https://www.inoreader.com]</title></head>
  <body>
    <outline text="News">
      <outline text="Europe">
        <outline text="Le Monde" type="rss" xmlUrl="https://www.lemonde.fr/rss/une.xml" htmlUrl="https://www.lemonde.fr"/>
      </outline>
      <outline text="Le Monde (again)" type="rss" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
    </outline>
    <outline text="Podcasts" title="Podcasts"/>
  </body>
</opml>`;

/** Shaped like Miniflux's: OPML 2.0, a category per feed, dateCreated, and feeds at the top level too. */
const MINIFLUX = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
    <head>
        <title>Miniflux</title>
        <dateCreated>Fri, 04 Dec 2026 10:00:00 UTC</dateCreated>
    </head>
    <body>
        <outline text="All">
            <outline title="Hacker News" text="Hacker News" xmlUrl="https://news.ycombinator.com/rss" htmlUrl="https://news.ycombinator.com/" description=""></outline>
        </outline>
        <outline title="Loose" text="Loose" xmlUrl="https://loose.example/feed?format=rss&amp;lang=en" htmlUrl="https://loose.example/"></outline>
    </body>
</opml>`;

describe('parseOpml', () => {
  it('reads a Feedly export: nested folders flattened, entities decoded, in document order', () => {
    const parsed = parseOpml(FEEDLY);
    expect(parsed.title).toBe('Ana subscriptions in feedly Cloud');
    expect(parsed.feeds).toEqual([
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', title: 'BBC News - World', htmlUrl: 'https://www.bbc.co.uk/news/world' },
      { url: 'https://www.aljazeera.com/xml/rss/all.xml', title: 'Al Jazeera', htmlUrl: 'https://www.aljazeera.com/' },
      { url: 'https://feeds.arstechnica.com/arstechnica/index', title: 'Ars Technica', htmlUrl: 'https://arstechnica.com/' },
    ]);
    expect(parsed.rejected).toEqual([]);
  });

  it('reads an Inoreader export: deep folders, a feed in two folders added once, empty folders ignored', () => {
    const parsed = parseOpml(INOREADER);
    expect(parsed.feeds).toEqual([{ url: 'https://www.lemonde.fr/rss/une.xml', title: 'Le Monde', htmlUrl: 'https://www.lemonde.fr/' }]);
    expect(parsed.rejected).toEqual([]);
  });

  it('reads a Miniflux export: top-level feeds and & in addresses', () => {
    const parsed = parseOpml(MINIFLUX);
    expect(parsed.feeds.map((f) => f.url)).toEqual(['https://news.ycombinator.com/rss', 'https://loose.example/feed?format=rss&lang=en']);
    expect(parsed.feeds[1]!.title).toBe('Loose');
  });

  it('rejects entries that are not http(s) feeds, each with its reason, and keeps the others', () => {
    const parsed = parseOpml(`<opml version="2.0"><head/><body>
      <outline text="Good" xmlUrl="https://good.example/rss"/>
      <outline text="Local file" xmlUrl="file:///etc/passwd"/>
      <outline text="Script" xmlUrl="javascript:alert(1)"/>
      <outline text="Broken" xmlUrl="http://exa mple.com/rss"/>
      <outline text="Site only" type="rss" htmlUrl="https://site.example/"/>
      <outline xmlUrl="ftp://files.example/feed.xml"/>
    </body></opml>`);
    expect(parsed.feeds).toEqual([{ url: 'https://good.example/rss', title: 'Good' }]);
    expect(parsed.rejected).toEqual([
      { entry: 'Local file', reason: 'not an http or https address (file:)' },
      { entry: 'Script', reason: 'not an http or https address (javascript:)' },
      { entry: 'Broken', reason: 'not a valid URL: http://exa mple.com/rss' },
      { entry: 'Site only', reason: 'no feed address (xmlUrl)' },
      { entry: 'ftp://files.example/feed.xml', reason: 'not an http or https address (ftp:)' },
    ]);
  });

  it('accepts attribute names in other cases and titles from text when there is no title', () => {
    const parsed = parseOpml('<opml><body><outline text="Shouty" xmlURL="https://a.example/rss" HTMLURL="https://a.example"/></body></opml>');
    expect(parsed.feeds).toEqual([{ url: 'https://a.example/rss', title: 'Shouty', htmlUrl: 'https://a.example/' }]);
    expect(parsed.title).toBeNull();
  });

  it('decodes character references once: &amp;lt; stays the text &lt;', () => {
    const parsed = parseOpml('<opml><body><outline text="caf&#233; &#x2014; a &amp;lt; b &unknown;" xmlUrl="https://a.example/rss"/></body></opml>');
    expect(parsed.feeds[0]!.title).toBe('café — a &lt; b &unknown;');
  });

  it('reads an empty body', () => {
    expect(parseOpml('<opml version="2.0"><head><title>none</title></head><body/></opml>')).toEqual({ title: 'none', feeds: [], rejected: [] });
  });

  it('refuses malformed and non-OPML input with a clear error', () => {
    expect(() => parseOpml('<opml><body><outline text="x"></body></opml>')).toThrow(/^malformed OPML at line 1: /);
    expect(() => parseOpml('')).toThrow(OpmlError);
    expect(() => parseOpml('<rss version="2.0"><channel/></rss>')).toThrow('not an OPML file (no <opml> root with a <body>)');
    expect(() => parseOpml('{"feeds": []}')).toThrow(OpmlError);
  });

  it('makes entity bombs impossible: entity declarations are refused before parsing', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]><opml><body><outline text="&bbbbbbbbb;" xmlUrl="https://a.example/rss"/></body></opml>`;
    expect(() => parseOpml(laughs)).toThrow('the OPML file declares XML entities (<!ENTITY>), which are not accepted');
    // A DOCTYPE without declarations is harmless and read.
    expect(parseOpml('<?xml version="1.0"?><!DOCTYPE opml><opml><body><outline text="x" xmlUrl="https://a.example/rss"/></body></opml>').feeds).toHaveLength(1);
    // An undeclared reference is not expanded by anything: it stays as written.
    expect(parseOpml('<opml><body><outline text="&lol9;" xmlUrl="https://a.example/rss"/></body></opml>').feeds[0]!.title).toBe('&lol9;');
  });

  it('bounds size, feed count and nesting', () => {
    expect(() => parseOpml(`<opml><body>${' '.repeat(MAX_OPML_CHARS)}</body></opml>`)).toThrow(`the OPML file is larger than ${MAX_OPML_CHARS} characters`);
    const many = Array.from({ length: MAX_OPML_FEEDS + 1 }, (_, i) => `<outline text="f${i}" xmlUrl="https://a.example/${i}"/>`).join('');
    expect(() => parseOpml(`<opml><body>${many}</body></opml>`)).toThrow(`the OPML file lists more than ${MAX_OPML_FEEDS} feeds`);
    const deep = `${'<outline text="d">'.repeat(MAX_OUTLINE_DEPTH + 1)}${'</outline>'.repeat(MAX_OUTLINE_DEPTH + 1)}`;
    expect(() => parseOpml(`<opml><body>${deep}</body></opml>`)).toThrow(`the OPML file nests folders more than ${MAX_OUTLINE_DEPTH} levels deep`);
    const allowed = `${'<outline text="d">'.repeat(MAX_OUTLINE_DEPTH - 1)}<outline text="f" xmlUrl="https://a.example/rss"/>${'</outline>'.repeat(MAX_OUTLINE_DEPTH - 1)}`;
    expect(parseOpml(`<opml><body>${allowed}</body></opml>`).feeds).toHaveLength(1);
    // Far deeper than any folder tree: refused by the XML parser's own nesting limit, as an OpmlError, without exhausting the stack.
    const abyss = `<opml><body>${'<outline>'.repeat(90_000)}${'</outline>'.repeat(90_000)}</body></opml>`;
    expect(() => parseOpml(abyss)).toThrow(OpmlError);
  });
});

describe('writeOpml', () => {
  const awkward: OpmlFeed[] = [
    { url: 'https://a.example/feed?x=1&y=2', title: 'Tom & Jerry\'s "<News>"', htmlUrl: 'https://a.example/' },
    { url: 'https://b.example/rss', title: 'Line\nbreak\tand tab, ünïcödé 😀 and &amp; literally' },
    { url: 'https://c.example/atom.xml', title: '&lt;script&gt; ]]> <!-- --> <!ENTITY x "y">' },
  ];

  it('writes OPML 2.0 that parseOpml reads back unchanged', () => {
    const xml = writeOpml(awkward, { title: 'Desk of "Ana" & co' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')).toBe(true);
    const parsed = parseOpml(xml);
    expect(parsed).toEqual({ title: 'Desk of "Ana" & co', feeds: awkward, rejected: [] });
  });

  it('round-trips the parsed real-world exports', () => {
    for (const file of [FEEDLY, INOREADER, MINIFLUX]) {
      const { feeds } = parseOpml(file);
      expect(parseOpml(writeOpml(feeds, { title: 'x' })).feeds).toEqual(feeds);
    }
  });

  it('writes a well-formed document even from characters XML cannot carry', () => {
    const xml = writeOpml([{ url: 'https://a.example/rss', title: 'bell\u0007 nul\u0000 lone\uD800 end' }], { title: '\u001b' });
    expect(parseOpml(xml).feeds[0]!.title).toBe('bell\uFFFD nul\uFFFD lone\uFFFD end');
  });

  it('names every outline as OPML 2.0 asks (type, text, xmlUrl) and writes dateCreated only when given', () => {
    const xml = writeOpml([{ url: 'https://a.example/rss', title: 'A' }], { title: 't', dateCreated: new Date('2026-12-04T10:00:00Z') });
    expect(xml).toContain('<outline type="rss" text="A" title="A" xmlUrl="https://a.example/rss"/>');
    expect(xml).toContain('<dateCreated>Fri, 04 Dec 2026 10:00:00 GMT</dateCreated>');
    expect(writeOpml([], { title: 't' })).not.toContain('dateCreated');
  });
});
