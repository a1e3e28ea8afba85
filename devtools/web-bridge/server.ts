/**
 * The web test bridge (never shipped: electron-builder packages dist/** only).
 * A loopback HTTP server that serves the production renderer bundle and runs
 * the REAL handlers behind it, so the browser e2e tests and
 * `npm run preview:web` exercise the same code path as the app:
 *
 *   POST /rpc/<channel>   body = input JSON  ->  Outcome JSON (invokeChannel)
 *   GET  /events          Server-Sent Events carrying the contract's events
 *   GET  /__test/opened   URLs app.openExternal was asked to open (tests only)
 *   GET  /__test/clipboard the text codes.copy last wrote (the client puts it on the page's clipboard)
 *   GET  /*               dist/renderer through the app's own app:// file rules
 *                         (electron/protocol-files.ts), index.html with the bridge client injected
 *
 * Every rpc/events/test request must carry the random token (header
 * `x-authdesk-token` or `?token=`), else 403: another local page or process
 * cannot drive the vault.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { systemClock, type Clock } from '../../core/clock';
import { invokeChannel, type Handlers, type Services } from '../../electron/handlers';
import { APP_ORIGIN } from '../../electron/ipc/origin';
import { respondFromBundle } from '../../electron/protocol-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import type { EventName } from '../../common/ipc/contract';
import { CLIENT_SCRIPT, bridgeClientJs, injectClient } from './build-client';
import { EventHub } from './events';
import { createBridgeServices, type PlatformHooks } from './services';

export interface BridgeOptions extends PlatformHooks {
  dataDir: string;
  keychainService: string;
  /** Injected so tests can freeze time; defaults to the system clock. */
  clock?: Clock;
  port?: number;
  /** The built renderer; defaults to <repo>/dist/renderer. */
  distDir?: string;
  /** Where handler bugs (non-AuthdeskError) are logged; default console.error. */
  logInternal?: (channel: string, err: unknown) => void;
}

export interface Bridge {
  /** The page address, token included: open it in a browser. */
  url: string;
  origin: string;
  token: string;
  handlers: Handlers;
  services: Services;
  /** URLs app.openExternal recorded. */
  opened: readonly string[];
  /** Pushes a contract event to every connected page (e.g. clockChanged after a test moves the clock). */
  emit(name: EventName): void;
  /** How many pages listen for events right now. */
  eventClients(): number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const repoRoot = path.resolve(import.meta.dirname, '../..');

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const hub = new EventHub();
  const clock = options.clock ?? systemClock;
  const root = path.resolve(options.distDir ?? path.join(repoRoot, 'dist/renderer'));
  const {
    services,
    handlers,
    opened,
    clipboard,
    close: closeServices,
  } = await createBridgeServices({
    dataDir: options.dataDir,
    keychainService: options.keychainService,
    clock,
    hooks: options,
    emit: (name) => hub.emit(name),
  });
  const clientJs = await bridgeClientJs();
  let expectedHost = '';
  // Calls still running when the bridge closes (a page closed mid-call) may be writing into dataDir:
  // close() waits for them, so a caller can remove the folder right after.
  const running = new Set<Promise<unknown>>();

  /** The bundle exactly as app:// serves it in the app (same path checks and headers), plus the bridge client. */
  const serveFile = async (res: ServerResponse, method: string, pathname: string) => {
    const headers = { 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY };
    // Browsers ask for a favicon on their own; the app has none to give (Electron never asks).
    if (pathname === '/favicon.ico') return void res.writeHead(204, headers).end();
    if (pathname === `/${CLIENT_SCRIPT}`) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(method === 'HEAD' ? undefined : clientJs);
    }
    const response = await respondFromBundle(root, `${APP_ORIGIN}${pathname}`, method);
    const isPage = response.ok && response.headers.get('content-type')?.startsWith('text/html');
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(method === 'HEAD' ? undefined : isPage ? injectClient(body.toString('utf8')) : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Loopback only, by address and by name: a DNS-rebinding page on another host name is refused.
    if (req.headers.host !== expectedHost) return json(res, 403, { error: 'wrong host' });
    const needsToken =
      url.pathname.startsWith('/rpc/') || url.pathname === '/events' || url.pathname.startsWith('/__test/');
    if (needsToken) {
      const given = (req.headers['x-authdesk-token'] as string | undefined) ?? url.searchParams.get('token');
      if (!sameToken(given ?? null, token)) return json(res, 403, { error: 'missing or wrong token' });
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return json(res, 200, { ok: false, error: { code: 'bad-input', message: 'The request was not valid JSON.' } });
      }
      const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      const call = invokeChannel(handlers, channel, input, options.logInternal);
      running.add(call);
      try {
        return json(res, 200, await call);
      } finally {
        running.delete(call);
      }
    }
    if (url.pathname === '/events') return hub.attach(res);
    if (url.pathname === '/__test/opened') return json(res, 200, opened);
    if (url.pathname === '/__test/clipboard') return json(res, 200, { text: await clipboard.readText() });
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'GET only' });
    return serveFile(res, req.method, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  const origin = `http://${expectedHost}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    handlers,
    services,
    opened,
    emit: (name) => hub.emit(name),
    eventClients: () => hub.size,
    close: async () => {
      hub.close();
      server.closeAllConnections();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
      await closeServices();
      await closed;
    },
  };
}
