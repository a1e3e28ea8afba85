/**
 * Imports in progress, kept in main: a chosen file's bytes (while the user
 * types its password or picks a format) or a Google Authenticator transfer
 * batch (while the next QR code is scanned), with the last preview. The
 * renderer only holds the random token naming one. Bounded in time and
 * number, like PendingDrafts, so an abandoned import does not keep secrets
 * in memory for the life of the app.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { AuthdeskError } from '../../common/errors';
import { MigrationCollector, type ImportPreview } from '../../core/transfer/index';

export const IMPORT_TTL_MS = 15 * 60_000;
export const IMPORT_MAX = 5;

export type HeldImport =
  | { kind: 'file'; fileName: string; bytes: Uint8Array; preview: ImportPreview | null }
  | { kind: 'transfer'; collector: MigrationCollector; preview: ImportPreview | null };

export class ImportSessions {
  private readonly held = new Map<string, { value: HeldImport; expiresAt: number }>();
  /** The transfer batch new transfer codes join (one at a time, like the phone's export). */
  private openTransfer: string | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = IMPORT_TTL_MS,
    private readonly max = IMPORT_MAX,
  ) {
    setInterval(() => this.prune(), 60_000).unref();
  }

  put(value: HeldImport): string {
    this.prune();
    while (this.held.size >= this.max) this.delete(this.held.keys().next().value!);
    const token = randomBytes(18).toString('base64url');
    this.held.set(token, { value, expiresAt: this.clock.now() + this.ttlMs });
    return token;
  }

  get(token: string): HeldImport {
    this.prune();
    const entry = this.held.get(token);
    if (!entry)
      throw new AuthdeskError(
        'not-found',
        'This import is no longer waiting (it was imported, cancelled, or left for more than 15 minutes). Start it again.',
      );
    entry.expiresAt = this.clock.now() + this.ttlMs; // still being worked on
    return entry.value;
  }

  delete(token: string): void {
    this.held.delete(token);
    if (this.openTransfer === token) this.openTransfer = null;
  }

  /**
   * Adds a transfer code to the open batch, or starts one. A code of another export starts a new
   * batch only when the open one is complete; while parts are missing it is refused (the user
   * cancels the open batch to switch), so scanned parts are never dropped silently.
   */
  addTransferPart(text: string): { token: string; collector: MigrationCollector } {
    const open = this.openTransfer !== null ? this.held.get(this.openTransfer)?.value : undefined;
    if (open?.kind === 'transfer') {
      try {
        open.collector.add(text);
        open.preview = null;
        return { token: this.openTransfer!, collector: open.collector };
      } catch (err) {
        const otherExport = err instanceof AuthdeskError && err.code === 'bad-input';
        if (!otherExport || !open.collector.progress().complete) throw err;
      }
    }
    const collector = new MigrationCollector();
    collector.add(text); // throws for a damaged code before anything is kept
    const token = this.put({ kind: 'transfer', collector, preview: null });
    this.openTransfer = token;
    return { token, collector };
  }

  get size(): number {
    this.prune();
    return this.held.size;
  }

  prune(): void {
    const now = this.clock.now();
    for (const [token, { expiresAt }] of this.held) if (expiresAt <= now) this.delete(token);
  }
}
