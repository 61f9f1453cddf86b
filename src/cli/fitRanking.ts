/**
 * Fits RANKING_WEIGHTS (src/core/retrieval/candidateRanking.ts) on a SQuAD-format set:
 * every paragraph becomes an article, each question is retrieved lexically, and a listwise
 * logistic model learns which feature weights put the question's own paragraph first.
 * Every second question fits, the others check, so the printed recall@1 is on questions the
 * fit did not see. Usage: node dist/src/cli/fitRanking.js --squad FILE[.gz] [--limit N]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFromConfig, openKnowledgeBase } from '../app/bootstrap.js';
import { loadConfig } from '../app/config.js';
import { featuresOfLeading, RANKED_CANDIDATES, RANKING_WEIGHTS, type CandidateFeatures } from '../core/retrieval/candidateRanking.js';
import { retrieve } from '../core/retrieval/retrieve.js';
import { readSquad } from '../../eval/squad.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const FEATURES = Object.keys(RANKING_WEIGHTS) as Array<keyof CandidateFeatures>;

/** One question: each candidate's features and which candidates are its paragraph. */
interface Example {
  features: number[][];
  gold: boolean[];
}

async function collectExamples(path: string, limit: number | undefined, workDir: string): Promise<Example[]> {
  const set = readSquad(path, 0);
  const docsDir = join(workDir, 'docs');
  mkdirSync(docsDir);
  for (const doc of set.documents) writeFileSync(join(docsDir, doc.name), doc.text);
  const config = loadConfig({ ...process.env, DATA_DIR: join(workDir, 'data'), NEWS_SOURCES: docsDir, EMBEDDING_DISABLED: 'true', LOG_LEVEL: 'silent' });
  await ingestFromConfig(config, {});
  const kb = await openKnowledgeBase(config, {});
  const step = limit ? Math.max(1, Math.floor(set.questions.length / limit)) : 1;
  const examples: Example[] = [];
  for (let i = 0; i < set.questions.length; i += step) {
    const question = set.questions[i]!;
    const { terms, weights, passages } = await retrieve(question.question, { store: kb.store, embeddings: null }, { k: RANKED_CANDIDATES });
    const features = featuresOfLeading(terms, weights, passages).map((f) => FEATURES.map((name) => f[name]));
    examples.push({ features, gold: passages.map((p) => question.expectedSources.some((source) => p.document.location.endsWith(source))) });
  }
  await kb.store.close();
  return examples;
}

const scoreWith = (weights: number[], x: number[]) => x.reduce((sum, v, k) => sum + v * weights[k]!, 0);

/** Share of examples whose best-scoring candidate is their paragraph. */
function recallAt1(examples: Example[], weights: number[]): number {
  let hits = 0;
  for (const { features, gold } of examples) {
    let best = -1;
    features.forEach((x, j) => {
      if (best < 0 || scoreWith(weights, x) > scoreWith(weights, features[best]!)) best = j;
    });
    if (best >= 0 && gold[best]) hits++;
  }
  return hits / Math.max(1, examples.length);
}

/** Listwise logistic regression (softmax over each question's candidates), features standardised. */
function fit(examples: Example[], epochs = 30, rate = 0.05, decay = 1e-4): number[] {
  const all = examples.flatMap((e) => e.features);
  const mean = FEATURES.map((_, k) => all.reduce((s, x) => s + x[k]!, 0) / all.length);
  const spread = FEATURES.map((_, k) => Math.sqrt(all.reduce((s, x) => s + (x[k]! - mean[k]!) ** 2, 0) / all.length) || 1);
  const standard = (x: number[]) => x.map((v, k) => (v - mean[k]!) / spread[k]!);
  let w = FEATURES.map(() => 0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { features, gold } of examples) {
      const target = gold.indexOf(true);
      if (target < 0) continue;
      const z = features.map(standard);
      const scores = z.map((x) => scoreWith(w, x));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const total = exp.reduce((a, b) => a + b, 0);
      const gradient = FEATURES.map(() => 0);
      z.forEach((x, j) => {
        x.forEach((v, k) => {
          gradient[k]! += (exp[j]! / total - (j === target ? 1 : 0)) * v;
        });
      });
      w = w.map((wk, k) => wk - rate * gradient[k]! - decay * wk);
    }
  }
  return w.map((wk, k) => wk / spread[k]!); // back to raw feature units (the mean shift changes no order)
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { squad: { type: 'string' }, limit: { type: 'string' } } });
  if (!values.squad) throw new UserFacingError('bad_usage', 'usage: fitRanking --squad FILE[.gz] [--limit N]');
  const limit = values.limit ? Number(values.limit) : undefined;
  const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-fit-'));
  try {
    const examples = await collectExamples(values.squad, limit, workDir);
    const fitting = examples.filter((_, i) => i % 2 === 0);
    const checking = examples.filter((_, i) => i % 2 === 1);
    const fitted = fit(fitting);
    const current = FEATURES.map((name) => RANKING_WEIGHTS[name]);
    const fusedOnly = FEATURES.map((name) => (name === 'fused' ? 1 : 0));
    console.log(
      `questions: ${examples.length} (fit ${fitting.length}, check ${checking.length}); paragraph among the ${RANKED_CANDIDATES} candidates: ${(examples.filter((e) => e.gold.includes(true)).length / examples.length).toFixed(3)}`,
    );
    console.log(
      `recall@1 on the check half: fused order ${recallAt1(checking, fusedOnly).toFixed(4)}, RANKING_WEIGHTS ${recallAt1(checking, current).toFixed(4)}, fitted ${recallAt1(checking, fitted).toFixed(4)}`,
    );
    const scale = 6 / (fitted[FEATURES.indexOf('fused')] || 1); // printed with fused = 6, as in the source
    console.log(`fitted weights: { ${FEATURES.map((name, k) => `${name}: ${(fitted[k]! * scale).toFixed(1)}`).join(', ')} }`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

runMain(null, main);
