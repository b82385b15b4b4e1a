/**
 * A tiny HTTP server for test pages: 127.0.0.1, a random free port by default, routes from a table.
 * Used by the e2e harness and by `npm start` (which serves the demo article on a fixed port).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

export type FixtureResponse =
  | string
  | { body: string; contentType?: string; status?: number }
  /** `body` is sent but the response never ends, until the server closes (a page that never finishes loading). */
  | { body: string; hold: true };
export type FixtureRoutes = Record<string, FixtureResponse>;

export interface FixtureServer {
  /** 'http://127.0.0.1:PORT' */
  origin: string;
  /** `${origin}${path}` */
  url(path: string): string;
  /** Adds or replaces a route after start (for pages that embed the origin). */
  route(path: string, response: FixtureResponse): void;
  /** Paths requested so far, in order (query strings included). */
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** A fixed port; default 0, a free one. Listening fails (EADDRINUSE) when the port is taken. */
  port?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/**
 * Serves `routes` from 127.0.0.1 on a random free port. Routes match the path without its query string;
 * anything else is a 404. Pass a function to build routes that need the origin (e.g. the seed page, whose
 * canonical and share links point at it). Responses default to HTML unless the path has a known extension.
 */
export async function serveFixtures(
  routes: FixtureRoutes | ((origin: string) => FixtureRoutes) = {},
  options: ServeOptions = {},
): Promise<FixtureServer> {
  const table = new Map<string, FixtureResponse>();
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    requests.push(raw);
    const path = raw.split('?')[0] ?? '/';
    const found = table.get(path) ?? table.get(decodeURIComponent(path));
    if (found === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`no fixture for ${path}`);
      return;
    }
    const response = typeof found === 'string' ? { body: found } : found;
    if ('hold' in response) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write(response.body);
      return;
    }
    const contentType = response.contentType ?? CONTENT_TYPES[extname(path)] ?? 'text/html; charset=utf-8';
    res.writeHead(response.status ?? 200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(response.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const initial = typeof routes === 'function' ? routes(origin) : routes;
  for (const [path, response] of Object.entries(initial)) table.set(path, response);
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, response) => void table.set(path, response),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
