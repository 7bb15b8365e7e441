// Preloaded into every test process (`node --require`) and the CLI processes tests start: a host
// name other than loopback is refused before any DNS query leaves the machine, as a failed lookup
// (ENOTFOUND), so a test can never reach AWS or the network by accident, and code that must cope
// with an unreachable host (a service URL on AWS) meets one at once instead of after a timeout.
import dns from 'node:dns';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;

/** The error a machine without DNS gives, word for word, so outputs match what users see there. */
function refusal(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  error.syscall = 'getaddrinfo';
  return error;
}

const lookup = dns.lookup;
const patched = function (this: unknown, hostname: string, ...rest: unknown[]): void {
  const callback = rest[rest.length - 1] as (error: NodeJS.ErrnoException | null) => void;
  if (!LOOPBACK.test(hostname)) {
    process.nextTick(callback, refusal(hostname));
    return;
  }
  (lookup as (...args: unknown[]) => void).call(this, hostname, ...rest);
};
dns.lookup = patched as typeof dns.lookup;

const promisedLookup = dns.promises.lookup;
dns.promises.lookup = ((hostname: string, ...rest: unknown[]) =>
  LOOPBACK.test(hostname) ? (promisedLookup as (...args: unknown[]) => Promise<unknown>)(hostname, ...rest) : Promise.reject(refusal(hostname))) as typeof dns.promises.lookup;
