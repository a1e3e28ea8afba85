/**
 * Never lose, never mislead, against the real keychain and a real folder:
 * deleted accounts stay in the trash (secret included) for 30 days and come
 * back with undelete; they are purged on load once the injected clock says
 * so; a damaged or missing accounts.json restored from its backup carries a
 * notice until acknowledged; a lost list comes back with restoreAll.
 */
import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../core/vault/vault';
import { createSecretStore } from '../../core/vault/secret-store';
import { secretOfItem } from '../../core/vault/item-value';
import { TRASH_MS, trashItemName } from '../../core/vault/trash';
import { fixedClock } from '../../core/clock';
import { codeWindow } from '../../core/otp/index';
import type { AccountDraft } from '../../common/otp/types';
import { requireSecretService, uniqueServiceName } from '../support/keychain';

requireSecretService();

const draft = (name: string, secret = 'JBSWY3DPEHPK3PXP'): AccountDraft => ({
  issuer: 'Trash',
  name,
  secret,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-trash-'));
  const secrets = createSecretStore(uniqueServiceName('trash'));
  const clock = fixedClock(1_700_000_000_000);
  const open = () => openVault({ dataDir, secrets, clock });
  cleanups.push(async () => {
    for (const account of await secrets.accounts()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { dataDir, secrets, clock, open, metadata: path.join(dataDir, 'accounts.json') };
}

describe('the trash', () => {
  it('keeps a deleted account with its secret and brings it back with a working code', async () => {
    const { secrets, clock, open } = await setup();
    const vault = await open();
    const a = await vault.add(draft('alice'));
    await vault.remove(a.id);
    expect(await vault.list()).toEqual([]);
    expect(await secrets.get(a.id)).toBeNull();
    // the self-describing keychain value moves to the trash item as it is
    expect(secretOfItem((await secrets.get(trashItemName(a.id)))!, 'trash item')).toBe('JBSWY3DPEHPK3PXP');
    expect(await vault.trash()).toEqual([
      {
        id: a.id,
        issuer: 'Trash',
        name: 'alice',
        type: 'totp',
        deletedAt: clock.now(),
        purgeAt: clock.now() + TRASH_MS,
      },
    ]);
    expect(await vault.problems()).toEqual([]); // a trash item is not an orphan

    const back = await vault.undelete(a.id);
    expect(back).toMatchObject({ id: a.id, name: 'alice' });
    expect(await vault.trash()).toEqual([]);
    expect(await secrets.get(trashItemName(a.id))).toBeNull();
    const [code] = await vault.currentCodes([a.id], 1_257_894_000_000);
    expect(code!.code).toBe(codeWindow(a.id, 'JBSWY3DPEHPK3PXP', back, 1_257_894_000_000).code);
    expect(code!.code).toBe('528064'); // the Key URI example at 2009-11-10T23:00:00Z
  });

  it('purges on load once 30 days have passed, and not a millisecond before', async () => {
    const { secrets, clock, open } = await setup();
    const a = await (await open()).add(draft('bob'));
    await (await open()).remove(a.id);
    clock.advance(TRASH_MS - 1);
    expect((await (await open()).trash()).map((t) => t.id)).toEqual([a.id]);
    clock.advance(1);
    const vault = await open();
    expect(await vault.trash()).toEqual([]);
    expect(await secrets.get(trashItemName(a.id))).toBeNull();
    expect(await vault.problems()).toEqual([]);
    await expect(vault.undelete(a.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('recovery from the backup is never silent', () => {
  it('a damaged accounts.json: restored from .bak with a notice that names the cause, until acknowledged', async () => {
    const { clock, open, metadata } = await setup();
    const vault = await open();
    await vault.add(draft('one'));
    await vault.add(draft('two', 'GEZDGNBVGY3TQOJQ')); // .bak now holds "one"
    writeFileSync(metadata, '{"format":"authdesk-vault","version":1,"accounts":[');
    const reopened = await open();
    expect((await reopened.list()).map((a) => a.name)).toEqual(['one']);
    const notice = await reopened.recovery();
    expect(notice).toMatchObject({ at: clock.now(), reason: 'it is not valid JSON', accounts: 1 });
    expect(statSync(notice!.keptAs!).isFile()).toBe(true);
    // "two" lost its metadata but not its key: offered for restore.
    expect(await reopened.problems()).toEqual([expect.objectContaining({ kind: 'orphan-secret' })]);
    // Still there for the next process, until acknowledged.
    expect(await (await open()).recovery()).toEqual(notice);
    await reopened.acknowledgeRecovery();
    expect(await (await open()).recovery()).toBeNull();
  });

  it('a missing accounts.json with a good backup: put back, with a notice', async () => {
    const { open, metadata } = await setup();
    const vault = await open();
    await vault.add(draft('one'));
    await vault.add(draft('two', 'GEZDGNBVGY3TQOJQ'));
    unlinkSync(metadata);
    const reopened = await open();
    expect(await reopened.recovery()).toMatchObject({ reason: 'it was missing', keptAs: null, accounts: 1 });
    expect(statSync(metadata).isFile()).toBe(true);
  });

  it('a lost list and backup: restoreAll brings every keychain secret back at once', async () => {
    const { open, metadata } = await setup();
    const vault = await open();
    const ids = [(await vault.add(draft('one'))).id, (await vault.add(draft('two', 'GEZDGNBVGY3TQOJQ'))).id];
    unlinkSync(metadata);
    unlinkSync(`${metadata}.bak`);
    const reopened = await open();
    expect(await reopened.list()).toEqual([]);
    expect((await reopened.restoreAll()).sort()).toEqual([...ids].sort());
    expect((await reopened.list()).map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(await reopened.problems()).toEqual([]);
  });
});
