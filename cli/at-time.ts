/** Parses `--at`: unix seconds ("1257894000") or an ISO time ("2009-11-10T23:00:00Z"). */
import { AuthdeskError } from '../common/errors';

export function parseAtTime(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  // Date.parse alone accepts too much ("1", "May"); insist on a date first.
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return ms;
  }
  throw new AuthdeskError(
    'bad-input',
    `--at needs unix seconds (1257894000) or an ISO time (2009-11-10T23:00:00Z), not "${text}".`,
  );
}
