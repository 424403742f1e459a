import { isIP } from 'node:net';

/** Where `npm run hq` listens: HOST (default 127.0.0.1) and PORT (default 8787). */
export type ListenOptions = { host: string; port: number };

export const DEFAULT_LISTEN_HOST = '127.0.0.1';
export const DEFAULT_LISTEN_PORT = 8787;

// RFC 1123 host names ("localhost", "hq.example.org"), each label 1–63 characters.
const HOST_NAME_PATTERN =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A variable set to nothing (`PORT= npm run hq`) counts as not set. */
const setValue = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

function parseListenHost(raw: string | undefined): string {
  const value = setValue(raw);
  if (value === undefined) return DEFAULT_LISTEN_HOST;
  // IPv6 may come bracketed as in a URL: [::1].
  const host = /^\[(.*)\]$/.exec(value)?.[1] ?? value;
  if (isIP(host) !== 0 || HOST_NAME_PATTERN.test(host)) return host;
  throw new Error(
    `HOST must be an IP address or a host name (e.g. 127.0.0.1, 0.0.0.0, ::), not ${JSON.stringify(raw)}`,
  );
}

function parseListenPort(raw: string | undefined): number {
  const value = setValue(raw);
  if (value === undefined) return DEFAULT_LISTEN_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new Error(`PORT must be a port number from 0 to 65535, not ${JSON.stringify(raw)}`);
  }
  return port;
}

/** HOST and PORT from the environment; throws naming the variable that is malformed. */
export function listenOptionsFrom(env: { HOST?: string; PORT?: string }): ListenOptions {
  return { host: parseListenHost(env.HOST), port: parseListenPort(env.PORT) };
}

/** Loopback only: nothing off this computer can reach HQ. Anything else should sit behind a TLS proxy. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
