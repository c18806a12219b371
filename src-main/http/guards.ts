/**
 * Who may talk to the browser host. It listens on loopback only, but any web page the kiosk's
 * (or the presenter's) browser opens could still aim requests at 127.0.0.1: a DNS-rebinding page
 * arrives with its own name in the Host header, and a cross-site form or fetch carries a foreign
 * Origin. These checks turn both away before any route runs. Pure functions, no I/O.
 */
import { isIP } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../common/static-files';

/** Headers sent with every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // Only features Chromium recognises: an unknown name logs a console warning on every page.
  'Permissions-Policy': [
    'accelerometer=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'serial=()',
    'usb=()',
  ].join(', '),
};

/**
 * Normalises a bind address and returns it if it is a loopback IP literal, else null.
 * `localhost` becomes 127.0.0.1: the name can resolve to ::1 first on Node 20, and the printed
 * address must be the one the server really listens on.
 */
export function loopbackBindAddress(host: string): string | null {
  const name = host.trim().toLowerCase();
  if (name === 'localhost') return '127.0.0.1';
  if (isIP(name) === 4 && name.startsWith('127.')) return name;
  if (isIP(name) === 6 && (name === '::1' || name === '0:0:0:0:0:0:0:1')) return '::1';
  return null;
}

/** The `host:port` form a browser sends for an address (IPv6 in brackets). */
export function hostWithPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

/**
 * Host header values this server answers to: the two loopback names, plus the bound address
 * itself when it is another loopback literal. IP literals cannot be rebound, names other than
 * localhost can, so no other name is ever accepted.
 */
export function allowedHosts(bindAddress: string, port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, hostWithPort(bindAddress, port)]);
}

export interface Refusal {
  status: number;
  message: string;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** True for calls of the API (state-changing in principle, so CSRF rules apply). */
  isApiCall: boolean;
}

/** Checks Host, Origin and Sec-Fetch-Site; returns why a request is refused, or null to go on. */
export function checkRequest(facts: RequestFacts, hosts: ReadonlySet<string>): Refusal | null {
  const host = facts.host?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    // 421 tells a browser it reached the wrong server; it is also what a rebinding page sees.
    return { status: 421, message: 'This server only answers to its own loopback address.' };
  }
  if (facts.origin !== undefined) {
    // `Origin: null` (file://, sandboxed frames, some redirects) is refused like any other stranger.
    const origin = facts.origin.toLowerCase();
    if (!origin.startsWith('http://') || !hosts.has(origin.slice('http://'.length))) {
      return { status: 403, message: 'Requests from other sites are not allowed.' };
    }
  }
  if (facts.isApiCall && facts.secFetchSite?.toLowerCase() === 'cross-site') {
    return { status: 403, message: 'Requests from other sites are not allowed.' };
  }
  return null;
}
