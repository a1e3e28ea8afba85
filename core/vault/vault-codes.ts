/**
 * Reading secrets for a purpose: the current codes, the next HOTP code (the
 * counter is saved before the code is returned, so a code is never shown
 * twice; a crash only skips one, which servers tolerate), and the accounts
 * with their secrets for an export (main and CLI only, never IPC).
 */
import type { AccountMeta, CodeResult } from '../../common/otp/types';
import { AuthdeskError, toErrorValue } from '../../common/errors';
import { paramsOf } from '../../common/otp/params';
import { codeWindow, hotpCode } from '../otp/index';
import type { Vault } from './types';
import { accountLabel } from './labels';
import { missingSecretError, mustFind, type VaultContext } from './vault-context';

export function codeOperations(ctx: VaultContext): Pick<Vault, 'currentCodes' | 'nextHotp' | 'exportDrafts'> {
  const { store, clock } = ctx;
  return {
    async currentCodes(ids, nowMs) {
      const at = nowMs ?? clock.now();
      const wanted = ids ? new Set(ids) : null;
      const results: CodeResult[] = [];
      for (const account of (await store.current()).accounts) {
        if (account.type === 'hotp' || (wanted && !wanted.has(account.id))) continue;
        let secret: string | null;
        try {
          secret = await ctx.secretFor(account);
        } catch (err) {
          // One unreadable value must not hide the other codes; a locked or absent keychain fails them all.
          if (!(err instanceof AuthdeskError && err.code === 'keychain-bad-item')) throw err;
          const error = toErrorValue(err);
          results.push({ id: account.id, code: '', next: null, validFrom: null, validUntil: null, error });
          continue;
        }
        if (secret === null) continue; // a missing-secret problem: problems() reports it
        results.push(codeWindow(account.id, secret, paramsOf(account), at));
      }
      return results;
    },

    async nextHotp(id) {
      const account = mustFind((await store.current()).accounts, id);
      if (account.type !== 'hotp') throw notCounterBased(account);
      const secret = await ctx.secretFor(account);
      if (secret === null) throw missingSecretError(account);
      // Persist counter+1 BEFORE computing the code of the counter we consumed.
      const used = await store.mutate((doc) => {
        const fresh = mustFind(doc.accounts, id);
        if (fresh.type !== 'hotp') throw notCounterBased(fresh); // changed by another process meanwhile
        const counter = fresh.counter;
        fresh.counter = counter + 1;
        return { ...fresh, counter };
      });
      const code = hotpCode(secret, paramsOf(used), used.counter);
      return { id, code, next: null, validFrom: null, validUntil: null };
    },

    async exportDrafts(ids) {
      const wanted = ids ? new Set(ids) : null;
      const out: Awaited<ReturnType<Vault['exportDrafts']>> = [];
      for (const account of (await store.current()).accounts) {
        if (wanted && !wanted.has(account.id)) continue;
        const secret = await ctx.secretFor(account);
        if (secret === null) throw missingSecretError(account); // never export an account half
        out.push({ id: account.id, issuer: account.issuer, name: account.name, secret, ...paramsOf(account) });
      }
      return out;
    },
  };
}

function notCounterBased(account: AccountMeta): AuthdeskError {
  return new AuthdeskError('bad-input', `${accountLabel(account)} is time-based: it has no counter to advance.`);
}
