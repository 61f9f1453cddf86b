import type { El } from './dom.js';

/** One comment found in the page, with the elements holding its parts where known. */
export interface ThreadItem {
  element: El;
  author: El | null;
  /** The name, when the author element says more than the name ("Posted by: Janet"); else the element's text. */
  authorName?: string;
  date: El | null;
  /** The element holding the comment text; the whole item (less author, date and controls) when null. */
  text: El | null;
}

/** A comment thread: its items, and the element to take out of the page with them. */
export interface FoundThread {
  /** Removed from the document with the items when `removeContainer` (a comment system's own container). */
  container: El;
  items: ThreadItem[];
  removeContainer: boolean;
  /** Blocks inside the thread that are not read as comments but leave the page with it. */
  unread?: El[];
}
