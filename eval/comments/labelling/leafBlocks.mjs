// Prints the leaf text blocks (p, li, h2-h6, blockquote, pre, dd, td) under a CSS selector of a
// saved page, one per line, whitespace collapsed: the starting point for a page's hand-checked
// `body` or comment texts (see ../README.md, "How the labels were made"). Usage:
//   node eval/comments/labelling/leafBlocks.mjs page.html 'div.post' ['div.comment-body']
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";

const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dd, td, dt";
const [file, selector] = process.argv.slice(2);
const { document } = parseHTML(readFileSync(file, "utf8"));
const clean = (s) => s.replace(/\s+/g, " ").trim();
for (const root of document.querySelectorAll(selector)) {
  const leaves = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = leaves.length > 0 ? leaves.map((el) => clean(el.textContent)) : [clean(root.textContent)];
  console.log(lines.filter(Boolean).join("\n"));
  console.log("----");
}
