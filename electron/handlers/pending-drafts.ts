/**
 * Parsed-but-unsaved accounts from enroll.preview. The draft (with its
 * secret) stays here in main; the renderer only gets a random token naming it.
 * Bounded in time and number so a forgotten preview does not keep a secret
 * in memory for the life of the app.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { AuthdeskError } from '../../common/errors';
import type { AccountDraft } from '../../core/otp/index';

export const PENDING_TTL_MS = 10 * 60_000;
export const PENDING_MAX = 20;
export const PRUNE_EVERY_MS = 60_000;

/** A timer that never keeps the process (or a test run) alive on its own. */
function unrefInterval(fn: () => void, ms: number): void {
  setInterval(fn, ms).unref();
}

export class PendingDrafts {
  // A Map keeps insertion order: the first entry is always the oldest.
  private readonly drafts = new Map<string, { draft: AccountDraft; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = PENDING_TTL_MS,
    private readonly max = PENDING_MAX,
    /** Runs `prune` every minute, so an abandoned draft's secret leaves memory without waiting for the next call. */
    every: (fn: () => void, ms: number) => void = unrefInterval,
  ) {
    every(() => this.prune(), PRUNE_EVERY_MS);
  }

  /** Keeps `draft` and returns the token that names it. */
  put(draft: AccountDraft): string {
    this.prune();
    while (this.drafts.size >= this.max) this.drafts.delete(this.drafts.keys().next().value!);
    const token = randomBytes(18).toString('base64url');
    this.drafts.set(token, { draft, expiresAt: this.clock.now() + this.ttlMs });
    return token;
  }

  /** The draft named by `token`, still kept (a failed save must not lose it). */
  get(token: string): AccountDraft {
    this.prune();
    const entry = this.drafts.get(token);
    if (!entry) {
      throw new AuthdeskError(
        'not-found',
        'This scanned code is no longer waiting to be saved (it was saved, discarded, or left for more than 10 minutes). Scan the QR code again.',
      );
    }
    return entry.draft;
  }

  delete(token: string): void {
    this.drafts.delete(token);
  }

  get size(): number {
    this.prune();
    return this.drafts.size;
  }

  /** How many drafts are held right now, without pruning first (tests of the timer). */
  get held(): number {
    return this.drafts.size;
  }

  prune(): void {
    const now = this.clock.now();
    for (const [token, { expiresAt }] of this.drafts) if (expiresAt <= now) this.drafts.delete(token);
  }
}
