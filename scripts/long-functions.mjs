// Lists functions longer than N lines (default 50) in the given folders (default src ingest commands),
// longest first: node scripts/long-functions.mjs [N] [folders...]. The house rule is about 50.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const limit = Number(process.argv[2] ?? 50);
const roots = process.argv.slice(3).length ? process.argv.slice(3) : ['src', 'ingest', 'commands'];
const files = execSync(`find ${roots.join(' ')} -name '*.ts'`)
  .toString()
  .trim()
  .split('\n');
const rows = [];
for (const f of files) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isFunctionLike(n) && n.body) {
      const s = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const e = sf.getLineAndCharacterOfPosition(n.end).line;
      const name = n.name?.getText?.() ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : '<anon>');
      if (e - s + 1 > limit) rows.push([e - s + 1, `${f}:${s + 1}`, name]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
for (const row of rows.sort((a, b) => b[0] - a[0])) console.log(row.join('\t'));
