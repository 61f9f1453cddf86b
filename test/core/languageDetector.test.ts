import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld';
import { describe, expect, it } from 'vitest';
import { loadLanguageDetector } from '../../src/core/text/languageDetector.js';
import { ROOT } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const SAMPLES = [
  'Who won the match in Rotterdam last night?',
  'Wie niedrig ist der Rhein bei Kaub heute Morgen?',
  'Chi ha vinto la partita di ieri sera a Milano?',
  'Qui a remporté les élections municipales à Lyon dimanche?',
  '¿Quién ganó las elecciones en Sevilla el domingo pasado?',
  'Wie heeft de wedstrijd gisteravond gewonnen in Amsterdam?',
  'Кто выиграл матч вчера вечером в Москве?',
  'Kto wygrał wczoraj wieczorem mecz w Warszawie?',
];

const TABLES = join(ROOT, 'dist/language-tables/eld-extrasmall.json');

describe('language detector tables', () => {
  it('npm run build writes the tables as JSON, and compiled code loads them from there', () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/write-language-tables.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(TABLES)).toBe(true);
    const script = `const m = await import(${JSON.stringify(`file://${join(ROOT, 'dist/src/core/text/languageDetector.js')}`)}); const { detector, source } = await m.loadLanguageDetector(); console.log(JSON.stringify({ source, languages: ${JSON.stringify(SAMPLES)}.map((s) => detector.detect(s).language) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { source, languages } = JSON.parse(run.stdout) as { source: string; languages: string[] };
    expect(source).toBe('json');
    // The same detections as eld loading its own module.
    return (eld as typeof eld & { load(size: string): Promise<boolean> })
      .load('extrasmall')
      .then(() => expect(languages).toEqual(SAMPLES.map((s) => eld.detect(s).language)));
  });

  it('falls back to eld loading its own module when the JSON copy is damaged or missing', async () => {
    const damaged = join(tempDir('tables-'), 'eld-extrasmall.json');
    writeFileSync(damaged, '{"type":"XS60","ngrams":');
    for (const path of [damaged, join(tempDir('tables-'), 'missing.json'), null]) {
      const { detector, source } = await loadLanguageDetector(path);
      expect(source).toBe('module');
      expect(detector.detect('Chi ha vinto la partita di ieri sera a Milano?').language).toBe('it');
    }
  });
});
