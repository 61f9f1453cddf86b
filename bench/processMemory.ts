import { readFileSync } from 'node:fs';

/** A process's resident memory in MB from /proc (Linux); null elsewhere or when it has ended. */
export function residentMb(pid: number | 'self' = 'self', field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
