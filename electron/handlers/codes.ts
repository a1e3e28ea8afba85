/** codes.*: one-time codes. The clock is injected so tests set time instead of waiting. */
import type { HandlerGroup, Services } from './types';

export function codeHandlers({ vault, clock }: Services): HandlerGroup<'codes'> {
  return {
    'codes.current': async ({ ids }) => vault.currentCodes(ids, clock.now()),
    'codes.nextHotp': async ({ id }) => vault.nextHotp(id),
  };
}
