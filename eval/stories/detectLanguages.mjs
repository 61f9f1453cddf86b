// Used only by build-dataset.py: reads a JSON array of texts on stdin, prints their eld language codes.
import { eld } from 'eld';

const texts = JSON.parse(await new Promise((resolve) => {
  let data = '';
  process.stdin.on('data', (c) => (data += c));
  process.stdin.on('end', () => resolve(data));
}));
await eld.load('large');
console.log(JSON.stringify(texts.map((t) => eld.detect(t.slice(0, 4000)).language || 'und')));
