import type { MemoryResult } from '../benchResults.js';
import { fixed } from './fixed.js';

export function memoryLine(m: MemoryResult): string[] {
  return [
    `Resident memory with ${m.passages} passages loaded: ${fixed(m.rssMb)} MB RSS (heap ${fixed(m.heapUsedMb)} MB, graph file ${fixed(m.graphOnDiskMb)} MB).`,
  ];
}
