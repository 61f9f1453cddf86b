// Labelling aid for the comment benchmark (not production code; run by hand, see ../README.md).
// Reads the real test pages shipped in the npm package @postlight/mercury-parser@1.1.1 (unpacked
// with `npm pack` into SRC/package) and writes pages/<id>.html.gz and pages/<id>.json.
// Body: the Mercury maintainers wrote one extractor per site by hand, naming the article's
// container (`content.selectors`) and the parts inside it that are not article (`content.clean`),
// and checked it against the page in their tests (title, author, first words of the content). We
// take the prose blocks of that container, evaluated here with linkedom (Mercury itself is not
// run). Comments: each page was rendered with `w3m -dump` and searched for threads (names with
// dates, "Reply", "says:", comment counters); five pages show one in their HTML, and their comment
// items, authors and texts are named by the per-page selectors below, read from the markup and
// compared with the rendering (one, macrumors' "Top Rated Comments", was first missed by that search
// and found on review). Counters such as "77 replies" without comment text are threads
// loaded by JavaScript, which the page does not show: no comments.
// Usage: node buildMercuryPages.mjs SRC OUT [--list]
import { parseHTML } from 'linkedom';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

const [SRC, OUT, flag] = process.argv.slice(2);
const PKG = join(SRC, 'package');
const CUSTOM = join(PKG, 'src/extractors/custom');
const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd';
// Photo captions and credits are not the article's paragraphs.
const NOT_BODY = 'figure, figcaption, [class*="caption"], [class*="credit"]';
const NOT_TEXT = 'script, style, noscript, textarea, input, select, button, iframe, form, svg';

/** The site extractor object literal of index.js, evaluated without its imports. */
function siteExtractor(domain) {
  const source = readFileSync(join(CUSTOM, domain, 'index.js'), 'utf8')
    .replace(/^import .*$/gm, '')
    .replace(/export const (\w+)\s*=/, 'module.exports =');
  const sandbox = { module: {} };
  runInNewContext(source, sandbox);
  return sandbox.module.exports;
}

/** (fixture, url, expected first words) triples from the maintainers' test file. */
function testCases(domain) {
  const dir = join(CUSTOM, domain);
  const testFile = readdirSync(dir).find((f) => f.endsWith('.test.js'));
  if (!testFile) return [];
  const text = readFileSync(join(dir, testFile), 'utf8');
  const cases = [];
  const fixtureRe = /['"]\.\/(fixtures\/[^'"]+\.html)['"]/g;
  for (let m; (m = fixtureRe.exec(text)); ) {
    const before = text.slice(0, m.index);
    const urls = [...before.matchAll(/['"](https?:\/\/[^'"]+)['"]/g)].map((u) => u[1]).filter((u) => !/\.(jpe?g|png|gif)(\?|$)/i.test(u));
    const after = text.slice(m.index);
    const first = /first13,\s*\n?\s*(['"`])((?:\\.|(?!\1).)*)\1/s.exec(after);
    cases.push({ fixture: m[1], url: urls.at(-1) ?? null, first: first ? first[2].replace(/\\(.)/g, '$1') : null });
  }
  return cases;
}

/** Mercury's rule: a string selector must match exactly one element; an array needs all parts. */
function contentElements(document, selectors) {
  for (const sel of selectors) {
    const parts = Array.isArray(sel) ? sel : [sel];
    try {
      const found = parts.map((p) => [...document.querySelectorAll(p)]);
      if (!Array.isArray(sel) && found[0].length === 1 && squash(found[0][0].textContent)) return found[0];
      if (Array.isArray(sel) && found.every((f) => f.length > 0)) return found.map((f) => f[0]);
    } catch { /* selector linkedom cannot parse: try the next one */ }
  }
  return null;
}

/** Leaf block texts of the container that are prose, not link lists (under half link text). */
function leafBlocks(el) {
  const leaves = [...el.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
  return leaves.filter((b) => {
    const text = squash(b.textContent);
    const linked = [...b.querySelectorAll('a')].reduce((n, a) => n + squash(a.textContent).length, 0);
    return text && linked / text.length < 0.5;
  }).map((b) => squash(b.textContent));
}

const BREAKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'DD', 'DT', 'BR', 'HEADER', 'FOOTER', 'ASIDE']);

/** Lines of the container as a browser breaks them (block elements and <br>), minus link lists. */
function renderedLines(el) {
  const lines = [{ text: '', linked: 0 }];
  const walk = (node, inLink) => {
    if (node.nodeType === 3) {
      lines.at(-1).text += node.textContent;
      if (inLink) lines.at(-1).linked += squash(node.textContent).length;
      return;
    }
    if (node.nodeType !== 1) return;
    const breaks = BREAKS.has(node.tagName);
    if (breaks) lines.push({ text: '', linked: 0 });
    for (const child of node.childNodes) walk(child, inLink || node.tagName === 'A');
    if (breaks) lines.push({ text: '', linked: 0 });
  };
  walk(el, false);
  return lines.map((l) => ({ text: squash(l.text), linked: l.linked }))
    .filter((l) => l.text && l.linked / l.text.length < 0.5).map((l) => l.text);
}

/**
 * The container's paragraphs: its leaf blocks, or, where much of its text sits outside block
 * elements (paragraphs separated by <br>), its rendered lines.
 */
function proseBlocks(el) {
  const blocks = leafBlocks(el);
  const whole = squash(el.textContent).length;
  if (blocks.length && blocks.join(' ').length >= 0.8 * whole) return blocks;
  const lines = renderedLines(el);
  return lines.length ? lines : blocks;
}

/** Slideshow pages whose captions are the article's text (read from the pages). */
const CAPTIONS_ARE_TEXT = new Set(['mp-popsugar-com', 'mp-refinery29-com']);

/**
 * Lines inside a site's named container that are not the article (promotions, related-story
 * lists, photo credits, ad labels), read from each page: `lines` are dropped (by prefix),
 * everything from `cutFrom` on is dropped.
 */
const NOT_ARTICLE = {
  'mp-aol-com': { lines: ['See Gallery'] },
  'mp-buzzfeed-com-2': { lines: ['Adam Maida for BuzzFeed News'] },
  'mp-bustle-com': { lines: ['[Embed]'] },
  'mp-cinemablend-com': { lines: ["Subscribe To Topics You're Interested In", 'Blended From Around The Web'] },
  'mp-cnet-com': { lines: ['Share your voice'] },
  'mp-deadspin-com': { lines: ['Advertisement', 'Sponsored'], cutFrom: 'Recommended Stories' },
  'mp-fandom-wikia-com': { lines: ['Would you like to be part of the Fandom team?'] },
  'mp-fortinet-com': { cutFrom: 'Sign up for our weekly FortiGuard Threat Brief.' },
  'mp-fortune-com': { lines: ['Related', 'Get Data Sheet, Fortune’s technology newsletter'] },
  'mp-gothamist-com': { lines: ['The basement at 80 New York. (Scott Heins/Gothamist)'] },
  'mp-inquisitr-com': { lines: ['[Featured Image by'] },
  'mp-macrumors-com': { lines: ['Second-Generation Apple Pencil Rumored for March of 2017', 'Wednesday January 18, 2017 11:44 am PST by'], cutFrom: 'Related Roundup:' },
  'mp-medium-com': { lines: ['My talk at the White House Frontiers Conference'] },
  'mp-miamiherald-com': { lines: ['=========='] },
  'mp-nationalgeographic-com': { lines: ['You Might Also Like'] },
  'mp-nbcnews-com': { lines: ['Embed'] },
  'mp-news-nationalgeographic-com': { lines: ['Recent Energy Content'] },
  'mp-opposingviews-com': { lines: ['Popular Video'] },
  'mp-popsugar-com': { lines: ['12/19/16', 'The 5 Biggest Decorating Mistakes Millennials Make', 'Millennial Decorating Mistakes', 'December 19, 2016 by', '884', 'Image Source:'], cutFrom: 'Join The Conversation' },
  'mp-refinery29-com': { lines: ['Advertisement', 'Photographed by Sharokh Mirzai.'] },
  'mp-pagesix-com': { lines: ['Share this:'] },
  'mp-politico-com': { lines: ['Shares', '10/04/16 05:07 AM EDT', 'Story Continued Below', 'This story tagged under:', 'THE POLITICO CAUCUS'] },
  'mp-prospectmagazine-co-uk': { cutFrom: 'You have now reached your allowance' },
  'mp-recode-net': { lines: ['Photo by Mark Wilson/Getty Images'] },
  'mp-rollingstone-com': { lines: ['More News'] },
  'mp-today-com': { lines: ['Zsa Zsa Gabor dies at 99', 'More video', 'Kathie Lee and Hoda look back', 'Denzel Washington made me nervous', 'Jim Parsons: I had a hard time', 'Arnold Schwarzenegger on replacing'], cutFrom: 'More Home videos' },
  'mp-usmagazine-com': { lines: ["Can't get enough of Us?"] },
  'mp-vox-com': { lines: ['Photo by Steve Pope/Getty Images'] },
  'mp-washingtonpost-com': { lines: ['Read more from Jennifer Rubin:'] },
  'mp-westernjournalism-com': { lines: ['Related Stories', 'Trending Stories'] },
};

function withoutNonArticle(id, blocks) {
  const rule = NOT_ARTICLE[id] ?? {};
  const cut = rule.cutFrom ? blocks.findIndex((b) => b.startsWith(rule.cutFrom)) : -1;
  return (cut >= 0 ? blocks.slice(0, cut) : blocks).filter((b) => !(rule.lines ?? []).some((l) => b.startsWith(l)));
}

function bodyOf(id, html, spec) {
  const { document } = parseHTML(html);
  for (const el of [...document.querySelectorAll(NOT_TEXT)]) el.remove();
  const containers = contentElements(document, spec.content?.selectors ?? []);
  if (!containers) return null;
  for (const container of containers) {
    if (!CAPTIONS_ARE_TEXT.has(id)) for (const el of [...container.querySelectorAll(NOT_BODY)]) el.remove();
    for (const sel of spec.content.clean ?? []) {
      try { for (const el of [...container.querySelectorAll(sel)]) el.remove(); } catch { /* unparsable */ }
    }
  }
  return withoutNonArticle(id, containers.flatMap(proseBlocks)).join('\n');
}

/** Per-page comment selectors, found by reading each page (labelling only). */
const COMMENT_SPECS = {
  'mp-macrumors-com': { item: '.comment', author: '.username', text: '.content' },
  'mp-howtogeek-com': { item: 'li.comment-def', author: '.commentauthor', text: '.commenttext p' },
  'mp-prospectmagazine-co-uk': { item: 'li.comment', author: 'h5', text: '.comment_content' },
  'mp-thepoliticalinsider-com': { item: 'li.comment', author: 'cite.fn', text: '.comment-body > p' },
  'mp-uproxx-com': { item: 'li.upx-comment', authorFrom: (el) => squash(el.getAttribute('data-username')), text: '.text p' },
};

function commentsOf(id, html) {
  const spec = COMMENT_SPECS[id];
  if (!spec) return [];
  const { document } = parseHTML(html);
  const out = [];
  for (const item of document.querySelectorAll(spec.item)) {
    const copy = item.cloneNode(true);
    for (const nested of [...copy.querySelectorAll(spec.item)]) nested.remove();
    const author = spec.authorFrom ? spec.authorFrom(copy) : squash(copy.querySelector(spec.author)?.textContent);
    const text = [...copy.querySelectorAll(spec.text)].map((t) => squash(t.textContent)).filter(Boolean).join('\n');
    if (text) out.push({ author: author || null, text });
  }
  return out;
}

/** Pages left out after reading them (see ../README.md): not an article, or no text in the HTML. */
const SKIP = new Set([
  // video, tweet and picture pages, and pages whose named container holds no text in the HTML:
  'mp-youtube-com', 'mp-twitter-com', 'mp-si-com', 'mp-cnn-com', 'mp-forward-com',
  // a list of shopping links under category headings, not prose:
  'mp-mentalfloss-com',
  // no URL in the test, and 590 KB (too large for this set):
  'mp-nymag-com',
  // second snapshot of a page already in the set (same URL):
  'mp-theverge-com-2', 'mp-nytimes-com-2', 'mp-nytimes-com-3', 'mp-deadspin-com-2',
]);
const seenFixtures = new Set();
const LANG = { 'ici.radio-canada.ca': 'fr', 'www.qdaily.com': 'zh' };

const rows = [];
for (const domain of readdirSync(CUSTOM).filter((d) => existsSync(join(CUSTOM, d, 'index.js')))) {
  let spec;
  try { spec = siteExtractor(domain); } catch (error) { console.error(`skip ${domain}: ${error.message}`); continue; }
  testCases(domain).forEach((tc, n) => {
    const id = `mp-${domain.replace(/^www\./, '').replace(/\./g, '-')}${n ? `-${n + 1}` : ''}`;
    if (SKIP.has(id) || seenFixtures.has(tc.fixture) || !existsSync(join(PKG, tc.fixture))) return;
    seenFixtures.add(tc.fixture);
    const html = readFileSync(join(PKG, tc.fixture), 'utf8');
    const body = bodyOf(id, html, spec);
    const opensRight = tc.first ? squash(body ?? '').includes(squash(tc.first).slice(0, 30)) : null;
    rows.push({ id, domain, fixture: tc.fixture, url: tc.url, bodyChars: body?.length ?? 0, opensRight, first: tc.first });
    if (flag === '--list' || !body) return;
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${id}.html.gz`), gzipSync(html, { level: 9 }));
    const meta = {
      id, url: tc.url, language: LANG[domain] ?? 'en',
      source: `npm @postlight/mercury-parser@1.1.1 ${tc.fixture} (Mercury Parser test page)`,
      licence: 'MIT or Apache-2.0 (test suite); page text © its publisher, redistributed as a test fixture',
      body, comments: commentsOf(id, html),
    };
    writeFileSync(join(OUT, `${id}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  });
}
if (flag === '--list') for (const r of rows) console.log(JSON.stringify(r));
