/**
 * How a code is shown: split into groups people can read out loud
 * (`123 456`, `1234 5678`). Steam codes are letters and stay whole.
 */
import type { OtpType } from './types';

function groupSizes(length: number): number[] {
  if (length <= 5) return [length];
  if (length === 6) return [3, 3];
  if (length === 7) return [4, 3];
  if (length === 8) return [4, 4];
  if (length === 9) return [3, 3, 3];
  return [5, length - 5];
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
  return formatCode('•'.repeat(type === 'steam' ? 5 : digits), type);
}
