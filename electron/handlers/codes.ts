/**
 * codes.*: one-time codes. The clock is injected so tests set time instead of waiting.
 * With settings.applyClockOffset on, codes are made at "this clock + the measured
 * offset", and their validity window is given back in this computer's time, so
 * the renderer's countdown (which runs on the local clock) rolls over on time.
 */
import { AuthdeskError } from '../../common/errors';
import type { CodeResult } from '../../common/otp/types';
import type { HandlerGroup, Services } from './types';

function toLocalTime(result: CodeResult, offsetMs: number): CodeResult {
  if (offsetMs === 0 || result.validFrom === null || result.validUntil === null) return result;
  return { ...result, validFrom: result.validFrom - offsetMs, validUntil: result.validUntil - offsetMs };
}

export function codeHandlers({ vault, clock, desktop }: Services): HandlerGroup<'codes'> {
  const offset = () => desktop.clockCheck.appliedOffset();
  return {
    'codes.current': async ({ ids }) => {
      const off = offset();
      return (await vault.currentCodes(ids, clock.now() + off)).map((r) => toLocalTime(r, off));
    },
    'codes.nextHotp': async ({ id }) => {
      const result = await vault.nextHotp(id);
      desktop.shownHotp.remember(id, result.code);
      return result;
    },
    'codes.copy': async ({ id }) => {
      const account = (await vault.list()).find((a) => a.id === id);
      if (!account) throw new AuthdeskError('not-found', 'That account is no longer in Authdesk.');
      let code: string | undefined;
      if (account.type === 'hotp') {
        // The code on screen if one is showing; otherwise the next one (its counter is saved first).
        code = desktop.shownHotp.get(id);
        if (code === undefined) {
          code = (await vault.nextHotp(id)).code;
          desktop.shownHotp.remember(id, code);
        }
      } else {
        code = (await vault.currentCodes([id], clock.now() + offset()))[0]?.code;
      }
      if (code === undefined)
        throw new AuthdeskError('not-found', 'The keychain has no secret for that account: see the banner above.');
      return { clearAfterSeconds: await desktop.clipboard.copy(code) };
    },
  };
}
