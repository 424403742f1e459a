import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';

/**
 * tus-js-client's requests sent with a given fetch: Electron's net.fetch in the app, so evidence uploads use
 * the system proxy and trust store as the rest of sync does. A network error rejects send(), which leaves
 * retries to tus-js-client (retryDelays, onShouldRetry) as with its own Node stack.
 */
export class FetchHttpStack implements HttpStack {
  constructor(private readonly fetchFn: typeof fetch) {}

  createRequest(method: string, url: string): HttpRequest {
    return new FetchRequest(this.fetchFn, method, url);
  }

  getName(): string {
    return 'FetchHttpStack';
  }
}

/** A chunk as tus-js-client's Node file reader gives it (an fs.ReadStream of at most chunkSize bytes) in memory. */
async function bodyBytes(body: unknown): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (body === null || body === undefined) return undefined;
  if (body instanceof Readable) return new Uint8Array(await buffer(body));
  if (body instanceof Uint8Array) return new Uint8Array(body);
  throw new TypeError(`FetchHttpStack cannot send a body of type ${typeof body}`);
}

class FetchRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();
  private onProgress: (bytesSent: number) => void = () => {};

  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly method: string,
    private readonly url: string,
  ) {}

  getMethod(): string {
    return this.method;
  }

  getURL(): string {
    return this.url;
  }

  setHeader(header: string, value: string): void {
    this.headers[header] = value;
  }

  getHeader(header: string): string | undefined {
    return this.headers[header];
  }

  setProgressHandler(handler: (bytesSent: number) => void): void {
    this.onProgress = handler;
  }

  async send(body?: unknown): Promise<HttpResponse> {
    const bytes = await bodyBytes(body);
    const fetchFn = this.fetchFn; // called unbound, as a browser's fetch must be
    const response = await fetchFn(this.url, {
      method: this.method,
      headers: this.headers,
      body: bytes,
      signal: this.controller.signal,
    });
    // fetch reports no upload progress: the whole body counts as sent once HQ answers.
    if (bytes) this.onProgress(bytes.byteLength);
    return new FetchResponse(response, await response.text());
  }

  abort(): Promise<void> {
    this.controller.abort();
    return Promise.resolve();
  }

  getUnderlyingObject(): AbortController {
    return this.controller;
  }
}

class FetchResponse implements HttpResponse {
  constructor(
    private readonly response: Response,
    private readonly body: string,
  ) {}

  getStatus(): number {
    return this.response.status;
  }

  /** Headers.get is case-insensitive: Upload-Offset, Location and the rest read as tus-js-client spells them. */
  getHeader(header: string): string | undefined {
    return this.response.headers.get(header) ?? undefined;
  }

  getBody(): string {
    return this.body;
  }

  getUnderlyingObject(): Response {
    return this.response;
  }
}
