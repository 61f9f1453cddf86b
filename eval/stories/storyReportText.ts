import type { ArticleView, StoryEvalReport } from './runStoryEval.js';

const num = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));

/** One article of an error pair on one line: date, outlet, title, and its label and story. */
function articleLine(a: ArticleView): string {
  const title = a.title.length > 90 ? `${a.title.slice(0, 89)}…` : a.title;
  return `    ${(a.published ?? 'no date').slice(0, 10)}  ${a.outlet ?? '?'}: ${title}  [event ${a.event}, story ${a.story ?? 'not stored'}]`;
}

function pairLines(heading: string, pairs: Array<[ArticleView, ArticleView]>): string[] {
  if (pairs.length === 0) return [`${heading}: none`];
  return [`${heading}:`, ...pairs.flatMap(([a, b], i) => [`  ${i + 1}.`, articleLine(a), articleLine(b)])];
}

/** The story-grouping report as text for a developer: figures first, then example errors. */
export function formatStoryReport(r: StoryEvalReport): string {
  const vectors = r.vectors.model ? `vectors ${r.vectors.model}` : 'lexical only (no vectors)';
  const p = r.pairwise;
  const lines = [
    `Story grouping: ${r.articles} articles, ${vectors}, ${r.seconds.toFixed(1)} s`,
    ...(r.vectors.note ? [`  note: ${r.vectors.note}`] : []),
    `labelled events   ${r.labelledEvents} (${r.multiArticleEvents} told by several articles)`,
    `predicted stories ${r.predictedStories} (${r.multiArticleStories} of several articles)`,
    `pairwise  precision ${num(p.precision)}  recall ${num(p.recall)}  F1 ${num(p.f1)}  (${p.correctPairs} correct of ${p.predictedPairs} grouped pairs, ${p.labelledPairs} labelled pairs)`,
    `B-cubed   precision ${num(r.bcubed.precision)}  recall ${num(r.bcubed.recall)}  F1 ${num(r.bcubed.f1)}`,
    ...r.skipped.map((s) => `  line ${s.line} skipped by the importer: ${s.reason}`),
    ...pairLines('Wrongly merged pairs (one story, different events)', r.wronglyMerged),
    ...pairLines('Missed pairs (one event, different stories)', r.missed),
  ];
  return lines.join('\n');
}
