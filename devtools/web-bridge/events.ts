/** Server-Sent Events: the contract's events pushed to every connected page (the preload's ipcRenderer.on, over HTTP). */
import type { ServerResponse } from 'node:http';
import { events, type EventName } from '../../common/ipc/contract';

const KEEP_ALIVE_MS = 20_000;

export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);

  constructor() {
    this.keepAlive.unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    // Tells the client the stream is live (tests wait for this before changing things behind the page's back).
    res.write('event: ready\ndata: \n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  emit(name: EventName): void {
    this.write(`data: ${events[name]}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
