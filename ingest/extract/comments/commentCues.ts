import * as chrono from 'chrono-node';
import { isDateLine, normalizeStatedDate } from '../dates.js';
import { linkShare, nameTokens, squash, SubtreeIndex, type El } from './dom.js';

/**
 * Cues that an element is one reader comment, read from structure that carries across sites:
 * a short name, a date or time, prose that is not a list of links, and no teaser or review
 * markup. Each cue alone is common (teasers have dates, author boxes have names); the
 * detectors require several to agree.
 */

/** Markup that names a person: schema.org, hCard, `<cite>`, rel=author and class words every comment system uses. */
const AUTHOR_MARKUP =
  '[itemprop="author"], [itemprop="creator"], .fn, cite, [rel="author"], [class*="author" i], [class*="user" i], [class*="name" i], [class*="nick" i], [class*="poster" i]';
/** Markup that states a date. */
const DATE_MARKUP = 'time, [datetime], [itemprop="dateCreated"], [itemprop="datePublished"], abbr[title]';
/** A display name: at most 6 words and 60 characters (longest names in the benchmark's threads are ~30). */
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 60;
/** A date line with its filler ("Soumis par X, le lundi 29 octobre 2012 à 15h46") stays under ~100 characters. */
const MAX_DATE_CHARS = 100;
/** A comment quoting others holds a few dates and names; more is a thread or a page region. */
const MAX_DATES_IN_COMMENT = 4;

/** Relative times ("16 minutes ago", "il y a 2 jours", "vor 3 Stunden", "hace 2 días") read by chrono's casual parsers. */
const RELATIVE_PARSERS = [chrono.en, chrono.fr, chrono.de, chrono.es, chrono.it, chrono.pt, chrono.nl, chrono.ja, chrono.zh];

/** A name has a letter: "#1", "12" and "(3)" are counters and anchors beside it. */
export function isShortName(text: string): boolean {
  return text.length > 0 && text.length <= MAX_NAME_CHARS && text.split(' ').length <= MAX_NAME_WORDS && /\p{L}/u.test(text);
}

/**
 * "N units ago" in languages chrono has no casual parser for, or reads only in part: Russian
 * and Ukrainian ("3 дня назад"), Polish and Czech ("2 godziny temu", "před 3 dny"), Turkish
 * ("3 gün önce"), Portuguese "há 3 dias", Swedish/Norwegian/Danish ("5 minuter sedan", "3
 * dager siden"), Finnish ("3 päivää sitten"), Hungarian ("3 napja"), Chinese/Japanese/Korean
 * ("3天前", "3日前", "3일 전") and Greek ("πριν από 3 ώρες"). Unit stems, not whole words, so
 * that every inflection is one pattern.
 */
const RELATIVE_TIME = new RegExp(
  [
    String.raw`\d+\s*(сек|мин|час|дн|ден|дня|недел|тиж|месяц|міс|год|лет|рок)\p{L}*\.?\s*(назад|тому)`,
    String.raw`\d+\s*(sekund|minut|godzin|dni|dzień|tydzień|tygodni|miesi|lat|rok|hodin|dn|týdn|měsíc)\p{L}*\s*temu`,
    String.raw`před\s+\d+\s*\p{L}+`,
    String.raw`\d+\s*(saniye|dakika|saat|gün|hafta|ay|yıl)\s*önce`,
    String.raw`há\s+\d+\s*\p{L}+`,
    String.raw`\d+\s*(sekund|minut|timm|tim|dag|døgn|uk|veck|måned|månad|år)\p{L}*\s*(sedan|siden)`,
    String.raw`\d+\s*(sekunti|minuutti|tunti|päivä|viikko|kuukausi|vuosi)\p{L}*\s*sitten`,
    String.raw`\d+\s*(másodperc|perc|órá|napj|hete|hónapj|éve)\p{L}*`,
    String.raw`\d+\s*(秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週間|个月|個月|ヶ月|か月|年)\s*(前|以前)`,
    String.raw`\d+\s*(초|분|시간|일|주|개월|년)\s*전`,
    String.raw`πριν(\s+από)?\s+\d+\s*\p{L}+`,
  ].join('|'),
  'iu',
);

/**
 * Calendar dates chrono has no parser for: a day, a month name in any language and a year
 * ("12 мар 2019", "12 березня 2019", "12. huhtikuuta 2019"), and Korean "2019년 3월 12일".
 */
const DAY_MONTH_YEAR = /(^|[^\p{L}\d])\d{1,2}\.?\s+\p{L}{3,12}\.?,?\s+(1[89]|20)\d{2}(?!\d)|\d{4}년\s*\d{1,2}월(\s*\d{1,2}일)?/u;

/** Whether a short text holds a relative time or a calendar date of the forms above. */
function statesRelativeTime(text: string): boolean {
  return RELATIVE_TIME.test(text) || DAY_MONTH_YEAR.test(text);
}

/** Cheap test before chrono: a date or time has digits next to digits, separators or a word ("2 days", "28.oct", "11:26"). */
const MAYBE_DATE = /\d[\d./:h-]|\d\s*\p{L}|\p{L}\s*\d/u;
/** Answers for texts seen already: threads repeat the same date formats, and chrono is the costly part. */
const seenDates = new Map<string, boolean>();
const MAX_REMEMBERED = 5000;

/** Whether a short text states a date or a time (absolute or relative). */
export function statesDate(text: string, locale: string | null): boolean {
  if (!text || text.length > MAX_DATE_CHARS || !MAYBE_DATE.test(text)) return false;
  const key = `${locale ?? ''}\u0000${text}`;
  const known = seenDates.get(key);
  if (known !== undefined) return known;
  const answer =
    statesRelativeTime(text) ||
    isDateLine(text, locale) ||
    Boolean(normalizeStatedDate(text, locale)) ||
    RELATIVE_PARSERS.some((parser) => parser.parse(text).some((r) => /\d/.test(r.text) && r.text.length >= 4));
  if (seenDates.size >= MAX_REMEMBERED) seenDates.clear();
  seenDates.set(key, answer);
  return answer;
}

/** A name inside a name element ("<div class=author><a>Ana</a> 349 fans</div>"): the link or emphasis holding it. */
function innermostName(el: El): El {
  for (const inner of el.querySelectorAll('a, strong, b, cite, span') as Iterable<El>) {
    if (isShortName(squash(inner)) && squash(inner).length >= 2) return inner;
  }
  return el;
}

/**
 * The name in a comment system's author element when that element holds more than a name
 * ("<strong>Ana</strong> on <a>May 3, 2019 at 4:47 pm</a> said:"): the element itself when
 * its whole text is a name, else the link or emphasis inside that is one.
 */
export function nameWithin(el: El, locale: string | null): El {
  const text = squash(el);
  if (isShortName(text) && !statesDate(text, locale)) return el;
  const inner = innermostName(el);
  return inner !== el && !statesDate(squash(inner), locale) ? inner : el;
}

/** A link to somewhere (not "#", not a script): what teasers and link lists are made of. */
function isRealLink(a: El): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href) && squash(a).length >= 3;
}

/**
 * The page's cue elements, collected once (a selector query per candidate block would be
 * run thousands of times on a large page): name markup, date markup, short date-like lines,
 * linked headings and review markup.
 */
export class CueIndex {
  private readonly authorMarkup: El[];
  private readonly dateMarkup: El[];
  private readonly dateLines: El[];
  private readonly headingLinks: El[];
  private readonly reviews: El[];
  private readonly emphasis: El[];

  /** Which elements lie inside which, for range lookups (also used by the thread readers). */
  readonly subtrees: SubtreeIndex;

  constructor(
    root: El,
    readonly locale: string | null,
  ) {
    this.subtrees = new SubtreeIndex(root);
    const all = (selector: string) => [...root.querySelectorAll(selector)] as El[];
    this.authorMarkup = all(AUTHOR_MARKUP);
    this.dateMarkup = all(DATE_MARKUP);
    this.dateLines = all('span, div, p, small, a, em, td, li, strong, b').filter(
      (el) => el.children.length <= 3 && MAYBE_DATE.test(squash(el)) && squash(el).length <= MAX_DATE_CHARS,
    );
    this.headingLinks = this.subtrees.inOrder(all('h1 a, h2 a, h3 a, h4 a, h5 a, h6 a').filter(isRealLink).concat(all('a h1, a h2, a h3, a h4, a h5, a h6')));
    this.emphasis = all('strong, b');
    this.reviews = all('[itemtype*="Review"], [itemprop="review"], [itemprop="reviewRating"], [itemprop="ratingValue"]');
  }

  /** The listed elements inside `item`, less those `exclude` rejects. */
  private within(item: El, list: El[], exclude: (el: El) => boolean = () => false): El[] {
    return this.subtrees.inside(item, list).filter((el) => !exclude(el));
  }

  /** The element naming the comment's author, or null. Skips `exclude` (nested replies). */
  author(item: El, exclude: (el: El) => boolean): El | null {
    for (const el of this.within(item, this.authorMarkup, exclude)) {
      const name = el.children.length > 0 ? innermostName(el) : el;
      const text = squash(name);
      if (isShortName(text) && !statesDate(text, this.locale)) return name;
    }
    // No name markup: a name set in bold that opens the block ("<strong>Ana</strong> 7 May: …").
    const opening = squash(item).slice(0, MAX_NAME_CHARS);
    for (const el of this.within(item, this.emphasis, exclude)) {
      const text = squash(el);
      if (text.length >= 2 && isShortName(text) && opening.startsWith(text) && !statesDate(text, this.locale)) return el;
    }
    return null;
  }

  /** The element stating the comment's date, or null: date markup first, then short date lines. */
  date(item: El, exclude: (el: El) => boolean): El | null {
    for (const el of this.within(item, this.dateMarkup, exclude)) {
      const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? squash(el);
      if (normalizeStatedDate(value, this.locale) || statesDate(squash(el), this.locale)) return el;
    }
    // The innermost date line: a wrapper of a short comment is short enough to look like one too.
    const stating = this.within(item, this.dateLines, exclude).filter((el) => statesDate(squash(el), this.locale));
    return stating.find((el) => !stating.some((inner) => inner !== el && el.contains(inner))) ?? null;
  }

  /** Whether a name was found by markup (class, itemprop, cite) rather than by bold text alone. */
  isMarkedName(el: El): boolean {
    return this.authorMarkup.some((m) => m === el || m.contains(el));
  }

  /**
   * Several dated, signed parts inside one block: a whole thread or page region, not one
   * comment (a comment quoting one or two earlier ones stays under the limit).
   */
  holdsManyComments(item: El): boolean {
    const dated = this.within(item, this.dateMarkup).length + this.within(item, this.dateLines).length;
    return dated > MAX_DATES_IN_COMMENT && this.within(item, this.authorMarkup).length > MAX_DATES_IN_COMMENT;
  }

  /** A teaser of another article: a linked heading, or a long link that is the item's title. */
  isTeaser(item: El): boolean {
    if (this.subtrees.inside(item, this.headingLinks).length > 0) return true;
    const itemText = squash(item).length;
    return ([...item.querySelectorAll('a')] as El[]).some((a) => isRealLink(a) && squash(a).split(' ').length >= 6 && squash(a).length >= 0.3 * itemText);
  }

  /** Product reviews and ratings are not reader comments on an article: schema.org Review or rating markup, star widgets. */
  isReview(item: El): boolean {
    if (this.reviews.some((r) => r === item || item.contains(r))) return true;
    return /\b(review|rating|stars?)\b/.test(nameTokens(item));
  }
}

/** Words comment systems and CMSs put in the class or id of a thread or a comment, in the languages of the dev data. */
const THREAD_WORDS = /comment|koment|komment|comentar|reacti|reactie|reaktion|discussion|diskussion|replies|respons/;

/**
 * What a thread's heading calls it, in the languages of the open web: "Comments", "Kommentare",
 * "Commenti", "Comentários", "Reacties", "Komentarze", "Комментарии", "Коментарі", "Yorumlar",
 * "Hozzászólások", "Σχόλια", "تعليقات", "תגובות", "コメント", "评论", "評論", "留言", "댓글",
 * "N thoughts on", "N responses to", "Leserbriefe"... Stems, so that counts and inflections
 * ("3 Kommentare", "1 komentář") match too.
 */
const HEADING_WORDS = new RegExp(
  [
    'comment|koment|komment|kommentti|comentar|commentai|reacti|reaktion|responses? to|replies|thoughts on|diskussion|discussion|leserbrief',
    'hozzászól|yorum|σχόλι|коммент|комент|відгук|отзыв|تعليق|תגוב|コメント|评论|評論|留言|댓글',
    // WordPress's "N thoughts on / N replies to “Title”" as its translations word it.
    'antworten (auf|zu)|gedanken zu|réponses? à|réflexions? sur|respuestas? a|rispost[ae] a|pensieri su|gedachten over|respostas? (a|para)',
    'odpowied\\p{L}* na|myśli na temat|ответ\\p{L}* на|svar på|tankar om|svar til|tanker om',
  ].join('|'),
  'iu',
);
/** A heading naming a thread is short ("12 Kommentare zu „Radweg am Kanal“" stays under it). */
const MAX_HEADING_CHARS = 120;

/** The heading that opens `el` (its first child) or stands right before it, if any. */
/** A title line that is no heading element ("<div class=commentsTitle>Kommentare</div>", "<p><b>3 Reacties</b></p>"): short, one line. */
const MAX_TITLE_CHARS = 40;
function isHeading(node: El | null): boolean {
  if (!node) return false;
  if (/^(H[2-6]|HEADER|LEGEND)$/.test(node.tagName)) return true;
  if (!/^(DIV|P|SPAN|STRONG|B)$/.test(node.tagName)) return false;
  // Non-space characters never exceed the squashed length: a longer block is no title, read or not.
  const known = measuredChars?.get(node);
  if (known !== undefined && known > MAX_TITLE_CHARS) return false;
  return squash(node).length <= MAX_TITLE_CHARS && !node.querySelector('div, p, ul, ol, table');
}

/** The first child with text (anchors and line breaks before a thread's title are common). */
function firstWithText(el: El): El | null {
  for (const child of el.children as unknown as Iterable<El>) {
    const known = measuredChars?.get(child);
    if (known !== undefined ? known > 0 : squash(child).length > 0) return child;
  }
  return null;
}

/**
 * Non-space characters of every element's text, counted once for a detection pass that looks
 * for a title above every element of the page (reading each element's text there again would
 * cost a page's text once per level of nesting). Valid only while the tree is unchanged.
 */
let measuredChars: Map<El, number> | null = null;

/** Runs `detect` with every element's text size under `root` measured once; the tree must not change meanwhile. */
export function withMeasuredText<T>(root: El, detect: () => T): T {
  const counts = new Map<El, number>();
  const all = [root, ...(root.querySelectorAll('*') as unknown as El[])];
  for (let i = all.length - 1; i >= 0; i--) {
    let chars = 0;
    for (const node of all[i]!.childNodes as unknown as Iterable<{ nodeType: number; nodeValue: string | null }>) {
      if (node.nodeType === 3) chars += (node.nodeValue ?? '').replace(/\s+/g, '').length;
      else if (node.nodeType === 1) chars += counts.get(node as unknown as El) ?? 0;
    }
    counts.set(all[i]!, chars);
  }
  measuredChars = counts;
  try {
    return detect();
  } finally {
    measuredChars = null;
  }
}

function headingOf(el: El): El | null {
  const first = firstWithText(el);
  if (isHeading(first)) return first;
  const before = el.previousElementSibling as El | null;
  return isHeading(before) ? before : null;
}

/** Whether a heading's text names a comment thread, in any of the languages above. */
export function namesCommentThread(text: string): boolean {
  return text.length > 0 && text.length <= MAX_HEADING_CHARS && HEADING_WORDS.test(text);
}

/** Whether a heading opening or preceding `el` names a comment thread. */
export function isHeadedAsComments(el: El): boolean {
  return threadTitleOf(el) !== null;
}

/** The heading or title line that opens `el` or stands right before it and names a comment thread, or null. */
export function threadTitleOf(el: El): El | null {
  const heading = headingOf(el);
  return heading !== null && namesCommentThread(squash(heading)) ? heading : null;
}

/** Whether the element or one of its `levels` nearest ancestors is named as a comment thread or comment (by class, id or heading). */
export function isNamedAsComments(el: El, levels: number): boolean {
  let node: El | null = el;
  for (let i = 0; node && i <= levels; i++, node = node.parentElement as El | null) {
    if (node.tagName === 'BODY') return false;
    if (THREAD_WORDS.test(nameTokens(node)) || (levels > 0 && isHeadedAsComments(node))) return true;
  }
  return false;
}

export { linkShare };
