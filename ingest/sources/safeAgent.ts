import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { Agent } from 'undici';
import { AddressRefusedError, allowListAdmits, classifyAddress, refusalReason, type AllowedHost } from './addressGuard.js';

/** Resolves a host name to its addresses; injectable so tests can play a DNS server that changes its answer. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The check made on the addresses the socket will actually connect to: the connection's own
 * DNS lookup resolves the name once, every address returned is classified, and the socket
 * is given only those addresses. No second answer can slip in between a check and the
 * connect (DNS rebinding), because there is no separate check. A name that resolves to any
 * non-public address is refused whole: a public host has no reason to list one.
 */
export function guardedLookup(resolver: Resolver, allowed: AllowedHost[]) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback): void => {
    resolver(hostname).then(
      (answers) => {
        for (const answer of answers) {
          if (allowListAdmits(allowed, hostname, answer.address)) continue;
          const found = classifyAddress(answer.address);
          if (!found.public) return callback(new AddressRefusedError(refusalReason(found)), []);
        }
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable = answers.filter((a) => !family || a.family === family);
        if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(error, []),
    );
  };
}

/** An HTTP agent whose every connection goes through `guardedLookup`. */
export function guardedAgent(resolver: Resolver, allowed: AllowedHost[]): Agent {
  return new Agent({ connect: { lookup: guardedLookup(resolver, allowed) as never } });
}
