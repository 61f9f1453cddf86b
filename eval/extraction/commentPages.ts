import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/** One labelled page of the comment benchmark (eval/comments/README.md describes the format). */
const LabelledPageSchema = z.object({
  url: z.string().nullable(),
  language: z.string().min(2),
  licence: z.string().min(1),
  source: z.string().min(1),
  body: z.string(),
  comments: z.array(z.object({ author: z.string().nullable(), text: z.string().min(1) })),
});

export type LabelledPage = z.infer<typeof LabelledPageSchema> & { id: string; file: string };

/**
 * Reads a comment-benchmark folder (`<id>.json` labels beside `<id>.html.gz` or `<id>.html`)
 * and writes each page as `<id>.html` into `outDir`, so the production ingestion reads them
 * like any folder. A label without its page, or a label of the wrong shape, is an error that
 * names the file.
 */
export function writeCommentPages(dir: string, outDir: string): LabelledPage[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    throw new Error(`${dir} cannot be read: --comments must name a folder of <id>.json labels and <id>.html.gz pages`);
  }
  if (names.length === 0) throw new Error(`${dir} holds no <id>.json labels`);
  const files = new Set(readdirSync(dir));
  mkdirSync(outDir, { recursive: true });
  return names.map((name) => {
    const id = name.slice(0, -'.json'.length);
    const parsed = LabelledPageSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, name)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const gz = files.has(`${id}.html.gz`);
    if (!gz && !files.has(`${id}.html`)) throw new Error(`${join(dir, name)} has no page beside it (${id}.html.gz or ${id}.html)`);
    const raw = readFileSync(join(dir, gz ? `${id}.html.gz` : `${id}.html`));
    const file = join(outDir, `${id}.html`);
    writeFileSync(file, gz ? gunzipSync(raw) : raw);
    return { ...parsed.data, id, file };
  });
}
