/** codes.*: one-time codes. The clock is injected so tests set time instead of waiting. */
import { AuthdeskError } from '../../common/errors';
import type { HandlerGroup, Services } from './types';

export function codeHandlers({ vault, clock, desktop }: Services): HandlerGroup<'codes'> {
  return {
    'codes.current': async ({ ids }) => vault.currentCodes(ids, clock.now()),
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
        code = (await vault.currentCodes([id], clock.now()))[0]?.code;
      }
      if (code === undefined)
        throw new AuthdeskError('not-found', 'The keychain has no secret for that account: see the banner above.');
      return { clearAfterSeconds: await desktop.clipboard.copy(code) };
    },
  };
}
