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
      const accounts = (await store.current()).accounts.filter(
        (a) => a.type !== 'hotp' && (!wanted || wanted.has(a.id)),
      );
      await ctx.prefetch(accounts);
      const read = await readAhead(accounts, (a) => ctx.secretFor(a), isBadItem);
      const results: CodeResult[] = [];
      for (const [i, account] of accounts.entries()) {
        const outcome = read[i] as Outcome<string | null>;
        if (!outcome.ok) {
          // One unreadable value must not hide the other codes; a locked or absent keychain fails them all.
          if (!isBadItem(outcome.error)) throw outcome.error;
          const error = toErrorValue(outcome.error);
          results.push({ id: account.id, code: '', next: null, validFrom: null, validUntil: null, error });
          continue;
        }
        const secret = outcome.value;
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
      const accounts = (await store.current()).accounts.filter((a) => !wanted || wanted.has(a.id));
      await ctx.prefetch(accounts);
      for (const account of accounts) {
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

const isBadItem = (err: unknown) => err instanceof AuthdeskError && err.code === 'keychain-bad-item';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Secrets are read several at a time: over D-Bus each read waits for two answers,
 * and one after another 200 of them took three times the keychain's own time.
 * (The keytar store still runs its calls one at a time.) After a failure that is
 * not `tolerated`, no further read starts; the outcomes come back in order.
 */
const READ_AHEAD = 16;

async function readAhead<A, T>(
  items: readonly A[],
  read: (item: A) => Promise<T>,
  tolerated: (err: unknown) => boolean,
): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = [];
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop && next < items.length) {
      const i = next++;
      try {
        outcomes[i] = { ok: true, value: await read(items[i] as A) };
      } catch (error) {
        outcomes[i] = { ok: false, error };
        if (!tolerated(error)) stop = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, items.length) }, worker));
  // Stopped early: the reads not started count as the failure that stopped them.
  const failure = outcomes.find((o) => o && !o.ok && !tolerated(o.error));
  for (let i = 0; i < items.length; i++) outcomes[i] ??= failure as Outcome<T>;
  return outcomes;
}
