/**
 * Is this computer's clock right? TOTP codes are only as good as the clock,
 * and a wrong clock is the usual reason a portal refuses a correct-looking
 * code. We ask an HTTPS server (the configured portal by default) for its
 * `Date` header and compare. HTTPS, not NTP: it passes the same proxies and
 * firewalls the portal itself does, and a forged answer needs a forged
 * certificate. Offline is a state, never an error that blocks codes.
 */
import { request } from 'node:https';
import { CLOCK_SKEW_WARN_MS, type ClockStatus } from '../common/desktop';
import type { Clock } from './clock';

export interface DateSample {
  /** The server's Date header, ms (whole seconds: HTTP dates have no fraction). */
  serverMs: number;
  /** Local clock when the request went out and when the headers came back. */
  sentAt: number;
  receivedAt: number;
}

export type DateProbe = (url: string) => Promise<DateSample>;

export interface ProbeOptions {
  /** The local clock being checked (the raw one, never an offset-adjusted one). */
  now: () => number;
  timeoutMs?: number;
  /** Tests only: trust a local self-signed server. The app never passes these. */
  ca?: string | Buffer;
  rejectUnauthorized?: boolean;
}

/** A HEAD request to `url`; resolves with the Date header and local send/receive times. */
export function httpsDateProbe({ now, timeoutMs = 8_000, ca, rejectUnauthorized }: ProbeOptions): DateProbe {
  return (url) =>
    new Promise((resolve, reject) => {
      const sentAt = now();
      const req = request(url, { method: 'HEAD', timeout: timeoutMs, agent: false, ca, rejectUnauthorized }, (res) => {
        const receivedAt = now();
        res.resume();
        const serverMs = Date.parse(res.headers.date ?? '');
        if (Number.isNaN(serverMs)) reject(new Error('the server sent no Date header'));
        else resolve({ serverMs, sentAt, receivedAt });
      });
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end();
    });
}

/**
 * Server minus local, ms. The Date header is cut to the second, so the true
 * server time lies in [serverMs, serverMs + 1000): take the middle; the local
 * time it answers is the middle of the round trip.
 */
export function offsetOf({ serverMs, sentAt, receivedAt }: DateSample): number {
  return Math.round(serverMs + 500 - (sentAt + receivedAt) / 2);
}

export function judge(offsetMs: number): 'ok' | 'skewed' {
  return Math.abs(offsetMs) > CLOCK_SKEW_WARN_MS ? 'skewed' : 'ok';
}

export interface ClockCheckOptions {
  probe: DateProbe;
  /** The raw local clock (for checkedAt). */
  clock: Clock;
  /** The server to ask, read at each check (settings.portalUrl). */
  url: () => Promise<string>;
  /** settings.applyClockOffset, read synchronously by the adjusted clock. */
  applyOffset: () => boolean;
  onStatus?: (status: ClockStatus) => void;
}

export class ClockCheck {
  private last: ClockStatus = { state: 'unchecked', offsetMs: null, server: '', checkedAt: null, applied: false };
  private running: Promise<ClockStatus> | null = null;

  constructor(private readonly options: ClockCheckOptions) {}

  status(): ClockStatus {
    return { ...this.last, applied: this.applying() && this.last.offsetMs !== null };
  }

  /** The offset codes get now: the measured one while applyClockOffset is on, else 0. */
  appliedOffset(): number {
    return this.applying() && this.last.offsetMs !== null ? this.last.offsetMs : 0;
  }

  /** One check at a time; a second caller shares the running one. */
  check(): Promise<ClockStatus> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<ClockStatus> {
    const url = await this.options.url();
    const server = hostOf(url);
    try {
      const offsetMs = offsetOf(await this.options.probe(url));
      this.last = { state: judge(offsetMs), offsetMs, server, checkedAt: this.options.clock.now(), applied: false };
    } catch {
      // Keep the last measured offset (still applied if it was): being offline says nothing new about the clock.
      this.last = { ...this.last, state: 'offline', server, checkedAt: this.options.clock.now() };
    }
    const status = this.status();
    this.options.onStatus?.(status);
    return status;
  }

  private applying(): boolean {
    return this.options.applyOffset();
  }
}

/** The local clock plus an offset that may change at any time (the vault and the code handlers use it). */
export function offsetClock(base: Clock, offsetMs: () => number): Clock {
  return { now: () => base.now() + offsetMs() };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
