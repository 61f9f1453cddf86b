import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isDateLine } from './dates.js';
import { classifyPage } from './densityExtraction.js';
import { flattenDeepNesting } from './flattenDeepNesting.js';
import { withoutWidgetText } from './articleEdges.js';
import { removeBoilerplateMarkup } from './boilerplateMarkup.js';
import { unwrapEmbeddedQuotes } from './embeddedQuotes.js';
import { chooseMainText } from './mainTextChoice.js';
import { isEnabled } from './mechanisms.js';
import { splitIntoBlocks, type TextBlock } from './textBlocks.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

/**
 * Elements that never hold article text. Removed by tag or by a standard attribute only:
 * class-name fragments ("sidebar", "widget", "share") also name WordPress/Drupal body
 * classes and article containers, so matching them deletes articles.
 */
const NEVER_CONTENT = 'script, style, noscript, template, iframe, svg, canvas, button, select, input, textarea, nav, [role="navigation"]';
const HIDDEN = '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]';

/**
 * A block whose text is almost all link text is a list of links (menus, tag clouds,
 * "more stories"), not prose. 0.8 measured best on the article-extraction benchmark
 * (F1 0.5: 0.955, 0.8: 0.962, none: 0.958); lower values start dropping paragraphs that
 * quote several linked sources.
 */
const MAX_LINK_TEXT_SHARE = 0.8;
/** Dateline blocks ("November 18, 2019 | 4:10pm") are metadata; a longer block is prose that mentions a date. */
const MAX_DATELINE_WORDS = 12;
/** A schema.org articleBody element shorter than this is a teaser, not the article. */
const MIN_ARTICLE_BODY_CHARS = 400;

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * When the page marks exactly one element as the schema.org article body (microdata
 * `itemprop="articleBody"`), the publisher has said where the article is: Readability then
 * only has to clean that element instead of guessing among the page's containers.
 */
function narrowToMarkedArticleBody(document: Doc): void {
  const marked = [...document.querySelectorAll('[itemprop="articleBody"]')].filter((el) => squash(el.textContent).length >= MIN_ARTICLE_BODY_CHARS);
  const body = document.querySelector('body');
  if (marked.length !== 1 || !body) return;
  const article = marked[0]!;
  body.replaceChildren(article);
}

/**
 * A hidden element holding most of the page's text is a rendering state caught when the page
 * was saved (a consent dialog open sets `aria-hidden` on everything behind it; some sites
 * show the page only once their scripts run), not boilerplate: it stays.
 */
const MAX_HIDDEN_SHARE = 0.5;

function removeHidden(document: Doc): void {
  const pageText = squash(document.body?.textContent).length;
  for (const el of [...document.querySelectorAll(HIDDEN)]) {
    if (squash(el.textContent).length <= MAX_HIDDEN_SHARE * pageText) el.remove();
    // Shown, so that Readability (which skips hidden nodes) reads it too.
    else for (const attribute of ['hidden', 'aria-hidden', 'style']) el.removeAttribute(attribute);
  }
}

/**
 * Captions describe pictures, and readers (and benchmark ground truths) do not count them as
 * article text: they go. Except on pages told through their pictures (slideshows, listicles),
 * where the captions hold more prose than the page's paragraphs outside them: there the
 * captions are the article.
 */
function removeCaptions(document: Doc): void {
  const captions = [...document.querySelectorAll('figcaption')];
  if (captions.length === 0) return;
  // Characters, not words: both sides are text of one page, and segmenting words costs more.
  const captionText = captions.reduce((sum, el) => sum + squash(el.textContent).length, 0);
  const paragraphText = [...document.querySelectorAll('p')].filter((p) => !p.closest('figcaption')).reduce((sum, el) => sum + squash(el.textContent).length, 0);
  // A page that writes its text without <p> (divs and line breaks) is measured by all its text.
  const otherText = paragraphText > 0 ? paragraphText : squash(document.body?.textContent).length - captionText;
  if (captionText > otherText) return;
  for (const el of captions) el.remove();
}

function isProse(block: TextBlock, language: string | null): boolean {
  const words = block.text.split(' ').length;
  // The page's language picks the date parser first: "12 мая 2026" is a date only to a Russian one.
  if (isEnabled('dateline-filter') && words <= MAX_DATELINE_WORDS && isDateLine(block.text, language)) return false;
  return !isEnabled('link-filter') || block.linkChars / block.text.length <= MAX_LINK_TEXT_SHARE;
}

/** Readability's article as text blocks, or none when it finds no article or the markup breaks it. Mutates `document`. */
function readabilityBlocks(document: Doc, language: string | null): TextBlock[] {
  let content: string | null = null;
  try {
    content = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse()?.content ?? null;
  } catch {
    content = null; // Malformed markup: the paragraph classifier's result stands alone.
  }
  if (!content) return [];
  const cleaned = parseHTML(`<!doctype html><html><body>${content}</body></html>`).document;
  return splitIntoBlocks(cleaned.body as unknown as El).filter((block) => isProse(block, language));
}

/**
 * The main article text of a page, as paragraphs. Two independent extractions: Mozilla
 * Readability picks and cleans the article container, and a paragraph classifier judges
 * every block of the page (densityExtraction.ts); Readability's result stands unless it
 * looks doubtful against the classifier's (mainTextChoice.ts). Captions, link lists and
 * datelines are dropped by structure (tags, link density), never by the wording or class
 * names of particular sites. `declaredLanguage` (the page's lang attribute) is used only
 * when the text is too short to tell its language. Mutates `document`.
 */
export function extractMainText(document: Doc, declaredLanguage: string | null = null): string[] {
  flattenDeepNesting(document.documentElement as El);
  for (const el of [...document.querySelectorAll(NEVER_CONTENT)]) el.remove();
  if (isEnabled('hidden-removal')) removeHidden(document);
  if (isEnabled('caption-removal')) removeCaptions(document);
  if (isEnabled('embedded-quotes')) unwrapEmbeddedQuotes(document);
  if (isEnabled('boilerplate-markup')) removeBoilerplateMarkup(document);
  if (isEnabled('marked-article-body')) narrowToMarkedArticleBody(document);
  // Classified before Readability runs: Readability takes the tree apart.
  const page = document.body ? classifyPage(document.body as unknown as El, declaredLanguage) : { language: declaredLanguage, blocks: [] };
  const article = readabilityBlocks(document, page.language).map((block) => block.text);
  const text = chooseMainText(article, page.blocks);
  return isEnabled('edge-fragments') ? withoutWidgetText(text) : text;
}
