// Prints the comments of a saved page as the benchmark's JSON ([{author, text}]): one item per
// element matching ITEM, its author from AUTHOR inside it, its text from the leaf text blocks
// inside it (or TEXT inside it when given), paragraphs one per line. The starting point for a
// page's hand-checked `comments` (see ../README.md). Usage:
//   node eval/comments/labelling/commentItems.mjs page.html ITEM AUTHOR [TEXT]
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";

const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dd, dt";
const [file, item, author, text] = process.argv.slice(2);
const { document } = parseHTML(readFileSync(file, "utf8"));
const clean = (s) => s.replace(/\s+/g, " ").trim();

function textOf(root) {
  const leaves = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  if (leaves.length === 0) return clean(root.textContent);
  return leaves.map((el) => clean(el.textContent)).filter(Boolean).join("\n");
}

const comments = [...document.querySelectorAll(item)].map((el) => {
  const textRoot = text ? el.querySelector(text) : el;
  return { author: clean(el.querySelector(author)?.textContent ?? ""), text: textRoot ? textOf(textRoot) : "" };
});
console.log(JSON.stringify(comments, null, 2));
