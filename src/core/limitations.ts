/**
 * What an operator and an asker must know when no embedding model is in use: retrieval then
 * matches words, and a question shares few words with an article in another language.
 * One sentence, shown by the ingest summary, /status and `ask --json`.
 */
export const LEXICAL_ONLY_LIMITATION =
  "No embedding model is in use (lexical retrieval only): questions in a language other than the articles' may go unanswered.";
