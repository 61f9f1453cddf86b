/**
 * The tunable numbers of grouping articles about one event into a story (ingest/stories), in
 * one place. Measured with `node dist/src/cli/benchStories.js` (docs/ingestion.md, "Stories
 * across outlets") on the extraction benchmark's 181 real articles of 18-20 November 2019,
 * among which 12 events are told by 2-4 outlets each (33 same-event pairs, labelled by hand in
 * bench/stories/extractionBenchmarkEvents.json), all taken as published the same day (every
 * article a candidate of every later one); pairwise precision / recall of the stories made.
 */

/**
 * Words of the body read after the headline: the lead. News writes the event (who, what,
 * where, when, how many) first; later paragraphs hold background a follow-up shares with the
 * first report. Measured (word threshold 0.2, names 0.4): 40 words P 0.90 R 0.52, 80: P 0.86
 * R 0.58, 150: P 1.00 R 0.64, 300: P 0.88 R 0.88, 1000: P 0.77 R 0.82. 150 is the longest
 * lead without a wrong pair.
 */
export const LEAD_WORDS = 150;

/**
 * Days a story spans at most: an article joins a story only if the story, with it, covers no
 * more than this. Reports of one development of an event come within a day or two of it (the
 * wire's first report, the outlets' own the same or next day, a weekly's after); a later
 * article on the subject is mostly a follow-up (the strike's end after its start), its own
 * story. Bounding the story rather than each pair keeps a chain of reports (eruption, ash
 * cloud, flights resuming) from growing into one story over a week. Not measured here (the
 * benchmark's articles carry no dates): chosen from how news cycles run, and the one number to
 * revisit with a dated multi-outlet corpus.
 */
export const EVENT_WINDOW_DAYS = 2;

/**
 * Evidence halves for every this many days between two articles: of several candidates with
 * enough evidence, the report of the same days is preferred (time-decayed similarity as in
 * TDT, Yang, Pierce & Carbonell 1998). Only orders candidates; the window bounds.
 */
export const DECAY_HALF_LIFE_DAYS = 2;

/**
 * Names and numbers two reports of one event share at least (who, where, how many): one shared
 * name (a country, a head of government) is a subject, not an event. 2 against 3 or 4: the
 * same precision, more recall (names-only measure: R 0.85 against 0.76 and 0.70 at 0.2).
 */
export const MIN_SHARED_NAMES = 2;

/**
 * Days either side whose articles weigh the terms (IDF): a week of news, so a name every
 * report of these days has weighs little, and the weights do not swing with the few articles
 * of a two-day window.
 */
export const IDF_WINDOW_DAYS = 7;

/**
 * IDF is counted as if the week held at least this many articles: in a new or small store the
 * few articles there may all tell one event, and would make its names look common. Measured:
 * the fictional corpus placed day by day groups its stories at 20 to 300 (recall 0.73 without),
 * the benchmark keeps precision 1.00 up to 100 (0.95 at 300).
 */
export const MIN_IDF_ARTICLES = 50;

/** Most articles read for one article (the most recently published of the IDF window): bounds the work of each write. */
export const MAX_EVENT_CANDIDATES = 300;

/**
 * IDF-weighted cosine of all event terms (same language) from which two articles report one
 * event. Measured: 0.15 P 0.74 R 0.79; 0.2 P 1.00 R 0.64; 0.25 P 1.00 R 0.52 (names off).
 */
export const WORDS_SIMILARITY = 0.2;

/**
 * IDF-weighted cosine of names and numbers alone from which two articles in one language
 * report one event (a differently written report names the same people, places, figures).
 * Measured alone: 0.3 P 0.78 R 0.55; 0.35 P 0.92 R 0.36; 0.4 P 1.00 R 0.24. Together with
 * WORDS_SIMILARITY at 0.4: P 1.00 R 0.64 (0.35: P 0.96).
 */
export const NAMES_SIMILARITY = 0.4;

/**
 * The names-and-numbers cosine from which articles in two languages report one event. Lower
 * than NAMES_SIMILARITY: each language has names the other spells differently ("Hafen
 * Halvik", "Port Halvik") and German writes every noun capitalised, so the same event scores
 * less across languages (about 0.27-0.33 between reports in the fictional test corpus, where
 * same-language reports score 0.6-0.9). No real cross-language pairs were at hand: on the
 * English benchmark this measure at 0.25 gives P 0.68 R 0.58, so cross-language grouping
 * without a model is the least precise part; a multilingual model's vectors are the better
 * evidence there (VECTOR_RESCUE_SHARE).
 */
export const CROSS_LANGUAGE_NAMES_SIMILARITY = 0.25;

/**
 * With vectors of a model that separates on this store, a pair with at least this share of
 * the lexical evidence needed is one event when the article vectors (the mean of the body
 * passages' vectors) are closer than vectorBackground.ts's threshold: the loaded model's own
 * scale on this store, never a fixed cosine.
 */
export const VECTOR_RESCUE_SHARE = 0.5;
/** Out-of-window articles a new article's vector is compared with (its background). */
export const VECTOR_BACKGROUND_ARTICLES = 24;
/**
 * How far above the background's highest similarity a pair must be, in units of that highest's
 * distance from the background median. Measured with the hashing embeddings (bag of words, the
 * only model at hand) on the benchmark's pairs short of the lexical evidence (`--vectors
 * hashing`): margin 0 adds 4 same-event pairs and 11 others, 0.5 adds 1 and 6, 1 adds 0 and 2, 2
 * adds none. A bag of words repeats the lexical evidence, so 2: vectors add a pair only far
 * above what the model gives unrelated news; a model that does tell events apart (across
 * languages) gets through, one that does not adds nothing.
 */
export const VECTOR_BACKGROUND_MARGIN = 2;
/** Fewer background articles with vectors than this: the model cannot be judged here, grouping stays lexical. */
export const MIN_VECTOR_BACKGROUND = 8;
