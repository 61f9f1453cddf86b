/** Bump when extraction or chunking changes, so unchanged files are re-extracted once. */
export const EXTRACTOR_VERSION = 7;
