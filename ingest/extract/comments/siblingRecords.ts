import { isNamedAsComments } from './commentCues.js';
import type { Doc, El } from './dom.js';

/**
 * Comments written as a definition list, one comment spread over sibling elements: the name
 * line as `<dt>`, the text and the date line as the `<dd>`s after it (Blogger's classic
 * `dl#comments-block`, many old blog and guestbook templates). Each `<dt>` with the `<dd>`s
 * that follow it is wrapped into one element, so that a comment is one block to the detectors
 * like everywhere else. Only lists named as comments (class, id or heading) are regrouped: a
 * glossary in an article keeps its structure for the body extractor.
 */
const MIN_RECORDS = 2;

export function groupDefinitionListComments(document: Doc): void {
  for (const list of document.querySelectorAll('dl') as unknown as El[]) {
    const children = [...list.children] as El[];
    if (children.filter((c) => c.tagName === 'DT').length < MIN_RECORDS || !isNamedAsComments(list, 3)) continue;
    let record: El | null = null;
    for (const child of children) {
      if (child.tagName === 'DT') {
        record = document.createElement('div') as El;
        list.insertBefore(record, child);
      }
      if (record && (child.tagName === 'DT' || child.tagName === 'DD')) record.appendChild(child);
    }
  }
}
