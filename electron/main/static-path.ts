import path from 'node:path';

/**
 * Maps a request URL's path onto a file under `rootDir`, or null when it would escape it
 * (`..`, encoded `%2e%2e`, NUL bytes, absolute drive paths). Used by app:// and the web harness.
 */
export function resolveStaticPath(requestUrl: string, rootDir: string): string | null {
  let pathname: string;
  try {
    // Keep the raw path: the URL parser would quietly fold "/../" before we could refuse it.
    const raw = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '/';
    pathname = decodeURIComponent(raw || '/');
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const segments = pathname.split(/[\\/]+/);
  if (segments.some((s) => s === '..' || /^[a-z]:$/i.test(s))) return null;
  const root = path.resolve(rootDir);
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : `.${pathname.startsWith('/') ? '' : '/'}${pathname}`;
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
