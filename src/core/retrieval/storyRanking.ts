/**
 * Ranks stories, not their articles: a passage of an article whose story a better-ranked
 * passage of another article already stands for (the same event told by another outlet, a
 * copy's own comments) is moved behind the best passage of every other story. Nothing is
 * dropped: when there are not enough other stories, the demoted passages fill the list in
 * their order. Passages of the same article keep their place (diversify caps those).
 */
export function storiesFirst<T extends { documentId: number; storyId?: number }>(ranked: T[]): T[] {
  const representedBy = new Map<number, number>();
  const leading: T[] = [];
  const demoted: T[] = [];
  for (const passage of ranked) {
    if (passage.storyId === undefined) {
      leading.push(passage);
      continue;
    }
    const article = representedBy.get(passage.storyId);
    if (article === undefined) representedBy.set(passage.storyId, passage.documentId);
    if (article === undefined || article === passage.documentId) leading.push(passage);
    else demoted.push(passage);
  }
  return [...leading, ...demoted];
}
