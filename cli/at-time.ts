/**
 * Parses `--at`. `code --json` prints milliseconds while people type unix
 * seconds, so the unit is never guessed silently:
 *  - "1257894000" or "1257894000.5": seconds;
 *  - "1257894000000ms" / "1257894000s": an explicit unit;
 *  - a bare number above 1e11 (year 5138 in seconds) is refused as "looks
 *    like milliseconds", because it almost certainly is one;
 *  - an ISO time ("2009-11-10T23:00:00Z").
 */
import { AuthdeskError } from '../common/errors';

/** Bare numbers up to this many seconds are taken as seconds (1e11 s is the year 5138). */
export const MAX_BARE_SECONDS = 1e11;
/** JavaScript dates end at 8.64e15 ms. */
const MAX_MS = 8.64e15;

export function parseAtTime(text: string): number {
  const t = text.trim();
  const number = /^(\d+(?:\.\d+)?)(ms|s)?$/i.exec(t);
  if (number) {
    const value = Number(number[1]);
    const unit = number[2]?.toLowerCase();
    if (unit === undefined && value > MAX_BARE_SECONDS) {
      throw new AuthdeskError(
        'bad-input',
        `--at ${t} looks like milliseconds (code --json prints those): write ${t}ms, or give unix seconds.`,
      );
    }
    const ms = unit === 'ms' ? Math.round(value) : Math.round(value * 1000);
    if (ms > MAX_MS)
      throw new AuthdeskError('bad-input', `--at ${t} is beyond the last date a computer clock can show.`);
    return ms;
  }
  // Date.parse alone accepts too much ("1", "May"); insist on a date first.
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return ms;
  }
  throw new AuthdeskError(
    'bad-input',
    `--at needs unix seconds (1257894000), milliseconds with "ms" (1257894000000ms) or an ISO time (2009-11-10T23:00:00Z), not "${text}".`,
  );
}
