/**
 * How a code is shown, in the account list, the guided set-up's live code and
 * the CLI alike: split into groups people can read out loud and type from.
 *
 * The rule: groups of three; when the length is not a multiple of three, the
 * last group(s) take one digit more, so no group is shorter than three and
 * none longer than four. 5 and fewer stay whole (and Steam codes, which are
 * letters). That gives
 *   6 `123 456` and 8 `1234 5678` (what Google Authenticator, Aegis and
 *   most others show), 7 `123 4567` and 10 `123 456 7890` (the familiar
 *   shapes of phone numbers), 9 `123 456 789`.
 * Three or four characters is what people hold in memory at a glance; a
 * trailing group of one or two (`123 456 7`) is easy to mistype.
 */
import type { OtpType } from './vocabulary';

export function groupSizes(length: number): number[] {
  const groups = Math.floor(length / 3);
  if (groups < 2) return [length];
  const longer = length % 3; // how many groups (at the end) get a fourth digit
  return Array.from({ length: groups }, (_, i) => (i >= groups - longer ? 4 : 3));
}

export function formatCode(code: string, type: OtpType): string {
  if (type === 'steam') return code;
  const parts: string[] = [];
  let at = 0;
  for (const size of groupSizes(code.length)) {
    parts.push(code.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** A placeholder of the right shape while no code is known (keeps the row from changing width). */
export function maskedCode(digits: number, type: OtpType): string {
  return formatCode('•'.repeat(digits), type);
}
