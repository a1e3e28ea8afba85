/**
 * kill -9 spread over every write the CLI makes: add, rename, remove,
 * undelete (doctor --undelete), doctor --restore and code --next (HOTP). Each
 * run starts the real CLI against the real gnome-keyring and SIGKILLs it at a
 * random moment (tests/support/kill9.ts). Then, with a fresh CLI run and the
 * files themselves:
 *  - accounts.json parses by itself (no fallback to the backup was needed)
 *    and a fresh `authdesk list --json` opens the vault;
 *  - no account is left without its secret (only the opposite, an orphan
 *    secret, may exist, and `authdesk doctor` must name it);
 *  - every write the killed process ACKNOWLEDGED (printed its success line
 *    before it died) is there; an unacknowledged one is either done or not,
 *    never half;
 *  - no secret the vault ever held is lost (live item, trash item or orphan).
 *
 * A few kills per operation in `npm test`; `npm run test:slow`
 * (AUTHDESK_SLOW=1) runs 240 per operation, 1,440 in all. The figures are
 * printed per operation ([kill9-ops] lines) and written to
 * test-results/kill9-operations.json.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraft, AccountMeta } from '../../common/otp/types';
import type { VaultProblem } from '../../common/vault-problems';
import { openVault } from '../../core/vault/vault';
import { readMetadata } from '../../core/vault/metadata-file';
import { encodeItemValue, secretOfItem } from '../../core/vault/item-value';
import { trashItemName } from '../../core/vault/trash';
import { vaultFiles } from '../../core/paths';
import { codeWindow, hotpCode } from '../../core/otp/index';
import { readAllSecrets, requireSecretService } from '../support/keychain';
import { runCli } from '../cli/support/cli-process';
import { useCliSandbox } from '../cli/support/cli-session';
import { emptyTally, pickTrigger, prng, runAndKill, tallyRun, type KillRun, type KillTally } from '../support/kill9';
import { repoRoot } from '../support/vectors';

requireSecretService();

const SLOW = process.env.AUTHDESK_SLOW === '1';
const RUNS = SLOW ? 240 : 3; // per operation: 1,440 runs in test:slow, ~1,000 killed while running
const SEED = Number(process.env.AUTHDESK_KILL_SEED ?? 20_251_205);
const { box, cli, secrets } = useCliSandbox('authdesk-kill9-ops');
const files = vaultFiles(box.dataDir);

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const newSecret = () => [...randomBytes(16)].map((b) => BASE32[b % 32]).join('');
const totp = (issuer: string, name: string, secret: string) =>
  ({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, issuer, name, secret }) as const;

/** Every secret the vault has held, by account id: none may ever disappear from the keychain. */
const known = new Map<string, string>();
/** Secrets of adds killed before they acknowledged: absent, or an orphan that doctor names, or an account. */
const unacknowledgedAdds: string[] = [];
const figures: Record<string, KillTally & { seed: number }> = {};

const vault = () => openVault({ dataDir: box.dataDir, secrets });

/** The document on disk; it must parse by itself (from the file, not the backup). */
async function onDisk() {
  const read = await readMetadata(files);
  if (!read.ok) throw new Error(`accounts.json is damaged: ${read.problem}`);
  expect(read.from).toBe('file');
  return read.doc;
}

/** A fresh process opens the vault and lists the accounts. */
async function freshList(): Promise<AccountMeta[]> {
  const r = await runCli(cli.file, ['list', '--json'], box.env);
  expect(r.code, `fresh list after a kill: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as AccountMeta[];
}

/** The secret this id's keychain items hold (live item first, then its trash item), or null. */
async function heldSecret(id: string): Promise<string | null> {
  for (const item of [id, trashItemName(id)]) {
    const value = await secrets.get(item);
    if (value !== null) return secretOfItem(value, id);
  }
  return null;
}

/** What holds after every kill, whatever the operation. */
async function commonChecks(): Promise<{ listed: AccountMeta[]; doc: Awaited<ReturnType<typeof onDisk>> }> {
  const doc = await onDisk();
  const listed = await freshList();
  expect(listed.map((a) => a.id)).toEqual(doc.accounts.map((a) => a.id));
  const problems: VaultProblem[] = await (await vault()).problems();
  expect(problems.filter((p) => p.kind !== 'orphan-secret')).toEqual([]); // never an account without its secret
  return { listed, doc };
}

interface Operation {
  /** Prepares the target and returns the CLI arguments. */
  setup(i: number): Promise<string[]>;
  /** Whether stdout holds the success line. */
  acknowledged(run: KillRun): boolean;
  /** Checks the outcome; returns a description of a lost acknowledged write, or null. */
  verify(run: KillRun, acked: boolean, state: Awaited<ReturnType<typeof commonChecks>>): Promise<string | null>;
}

async function addInProcess(issuer: string, name: string, draft: AccountDraft = totp(issuer, name, newSecret())) {
  const account = await (await vault()).add(draft);
  known.set(account.id, draft.secret);
  return account;
}

function operations(): Record<string, Operation> {
  let addSecret = '';
  let addName = '';
  let renameId = '';
  let renameFrom = '';
  let renameTo = '';
  let removeId = '';
  let undeleteId = '';
  let restoreId = '';
  let hotpId = '';
  let hotpBefore = 0;

  return {
    add: {
      async setup(i) {
        addSecret = newSecret();
        addName = `a${i}`;
        return ['add', `otpauth://totp/Kadd:${addName}?secret=${addSecret}&issuer=Kadd`];
      },
      acknowledged: (run) => /^Added .*\[[^\]]+\]$/m.test(run.stdout),
      async verify(run, acked, { listed }) {
        const account = listed.find((a) => a.issuer === 'Kadd' && a.name === addName);
        if (account) {
          known.set(account.id, addSecret);
          expect(await heldSecret(account.id)).toBe(addSecret);
        } else if (acked) return `add ${addName} printed success but is not listed`;
        else unacknowledgedAdds.push(addSecret);
        return null;
      },
    },

    rename: {
      async setup(i) {
        if (!renameId) {
          const a = await addInProcess('Kren', 'start');
          renameId = a.id;
          renameFrom = a.name;
        }
        renameTo = `r${i}`;
        return ['rename', renameId, renameTo];
      },
      acknowledged: (run) => /^Renamed /m.test(run.stdout),
      async verify(_run, acked, { listed }) {
        const account = listed.find((a) => a.id === renameId);
        expect(account, 'the renamed account is still listed').toBeDefined();
        expect(await heldSecret(renameId)).toBe(known.get(renameId));
        if (acked && account!.name !== renameTo)
          return `rename to ${renameTo} printed success but reads ${account!.name}`;
        expect([renameFrom, renameTo]).toContain(account!.name);
        renameFrom = account!.name;
        return null;
      },
    },

    remove: {
      async setup(i) {
        const doc = await onDisk();
        const live = doc.accounts.find((a) => a.issuer === 'Krem');
        removeId = (live ?? (await addInProcess('Krem', `m${i}`))).id;
        return ['remove', removeId, '--yes'];
      },
      acknowledged: (run) => /^Removed /m.test(run.stdout),
      async verify(_run, acked, { listed, doc }) {
        const isLive = listed.some((a) => a.id === removeId);
        const inTrash = (doc.trash ?? []).some((t) => t.account.id === removeId);
        expect(isLive !== inTrash, 'a removed account is live or in the trash, never both or neither').toBe(true);
        expect(await heldSecret(removeId)).toBe(known.get(removeId));
        if (acked && isLive) return `remove ${removeId} printed success but the account is still live`;
        return null;
      },
    },

    undelete: {
      async setup(i) {
        const doc = await onDisk();
        let entry = (doc.trash ?? []).find((t) => t.account.issuer === 'Kund')?.account;
        if (!entry) {
          entry = await addInProcess('Kund', `u${i}`);
          await (await vault()).remove(entry.id);
        }
        undeleteId = entry.id;
        return ['doctor', '--undelete', undeleteId];
      },
      acknowledged: (run) => /^Restored /m.test(run.stdout),
      async verify(_run, acked, { listed, doc }) {
        const isLive = listed.some((a) => a.id === undeleteId);
        const inTrash = (doc.trash ?? []).some((t) => t.account.id === undeleteId);
        expect(isLive !== inTrash, 'an undeleted account is live or in the trash, never both or neither').toBe(true);
        expect(await heldSecret(undeleteId)).toBe(known.get(undeleteId));
        if (acked && !isLive) return `undelete ${undeleteId} printed success but the account is not live`;
        if (isLive) {
          // Live again: its code comes from the live item, not only the trash copy.
          const value = await secrets.get(undeleteId);
          if (value === null) return `undelete ${undeleteId}: live account without its live item`;
          expect(secretOfItem(value, undeleteId)).toBe(known.get(undeleteId));
        }
        return null;
      },
    },

    restore: {
      async setup(i) {
        if (!restoreId) {
          // An orphan keychain item, as an add killed between its two writes leaves it.
          restoreId = randomUUID();
          const secret = newSecret();
          await secrets.set(restoreId, encodeItemValue(totp('Kres', `o${i}`, secret)));
          known.set(restoreId, secret);
        }
        return ['doctor', '--restore', restoreId];
      },
      acknowledged: (run) => /^Restored /m.test(run.stdout),
      async verify(_run, acked, { listed }) {
        const account = listed.find((a) => a.id === restoreId);
        expect(await heldSecret(restoreId)).toBe(known.get(restoreId));
        if (acked && !account) return `restore ${restoreId} printed success but the account is not listed`;
        if (account) {
          const code = (await (await vault()).currentCodes([restoreId]))[0];
          expect(code?.code).toBe(codeWindow(restoreId, known.get(restoreId)!, account, Date.now()).code);
          restoreId = ''; // restored: the next run gets a new orphan
        } else {
          const problems = await (await vault()).problems();
          expect(problems).toContainEqual(expect.objectContaining({ kind: 'orphan-secret', id: restoreId }));
        }
        return null;
      },
    },

    'code --next': {
      async setup() {
        if (!hotpId)
          hotpId = (
            await addInProcess('Khotp', 'counter', {
              type: 'hotp',
              algorithm: 'SHA1',
              digits: 6,
              counter: 0,
              issuer: 'Khotp',
              name: 'counter',
              secret: newSecret(),
            })
          ).id;
        const account = (await onDisk()).accounts.find((a) => a.id === hotpId)!;
        hotpBefore = account.type === 'hotp' ? account.counter : -1;
        return ['code', '--next', hotpId, '--json'];
      },
      acknowledged: (run) => {
        try {
          return typeof (JSON.parse(run.stdout) as { code: string | null }[])[0]?.code === 'string';
        } catch {
          return false;
        }
      },
      async verify(run, acked, { listed }) {
        const account = listed.find((a) => a.id === hotpId);
        if (account?.type !== 'hotp') return 'the HOTP account is gone';
        expect([hotpBefore, hotpBefore + 1]).toContain(account.counter);
        if (!acked) return null;
        const shown = (JSON.parse(run.stdout) as { code: string }[])[0]!.code;
        expect(shown).toBe(hotpCode(known.get(hotpId)!, account, hotpBefore));
        // The shown code's counter is used up: the next code can never repeat it.
        if (account.counter !== hotpBefore + 1) return `code --next showed counter ${hotpBefore} but did not save it`;
        return null;
      },
    },
  };
}

beforeAll(async () => {
  await addInProcess('Kseed', 'seed'); // accounts.json exists before the first kill
});

afterAll(() => {
  const dir = path.join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'kill9-operations.json'), JSON.stringify({ slow: SLOW, figures }, null, 2));
});

describe('kill -9 during every CLI write', () => {
  const ops = operations();
  for (const [name, op] of Object.entries(ops)) {
    it(
      `${name}: ${RUNS} SIGKILLs at random moments lose no acknowledged write and leave the vault readable`,
      async () => {
        const random = prng(SEED + name.length * 7919 + name.charCodeAt(0));
        const tally = emptyTally();
        const lost: string[] = [];
        // One run left alone measures how long the operation lives, so the delays cover all of it.
        const calibration = await runAndKill(cli.file, await op.setup(-1), box.env, box.dataDir, { kind: 'none' });
        expect(calibration.code, calibration.stderr).toBe(0);
        expect(await op.verify(calibration, op.acknowledged(calibration), await commonChecks())).toBeNull();
        const duration = calibration.ms;

        for (let i = 0; i < RUNS; i++) {
          const args = await op.setup(i);
          const run = await runAndKill(cli.file, args, box.env, box.dataDir, pickTrigger(random, duration));
          if (run.code !== 0)
            expect(run.signal, `${name} #${i} failed without being killed: ${run.stderr}`).toBe('SIGKILL');
          const acked = op.acknowledged(run);
          tallyRun(tally, run, acked);
          const loss = await op.verify(run, acked, await commonChecks());
          if (loss) lost.push(loss);
        }
        tally.acknowledgedLost = lost.length;
        figures[name] = { ...tally, seed: SEED };
        console.log(`[kill9-ops] ${name}:`, JSON.stringify(tally));
        expect(lost).toEqual([]);
        if (SLOW) expect(tally.realKills).toBeGreaterThan(RUNS / 4); // the schedule really killed running processes
      },
      RUNS * 15_000 + 30_000,
    );
  }

  it('afterwards: doctor names every orphan, no secret was ever lost, and restore-all brings them back', async () => {
    const doctor = await runCli(cli.file, ['doctor', '--json'], box.env);
    const report = JSON.parse(doctor.stdout) as { problems: VaultProblem[] };
    expect(report.problems.every((p) => p.kind === 'orphan-secret')).toBe(true);
    const named = new Set(report.problems.map((p) => p.id));

    const items = await readAllSecrets(secrets);
    const held = new Set(items.map((i) => i.secret));
    for (const [id, secret] of known) expect(held.has(secret), `the secret of ${id} is in the keychain`).toBe(true);

    // An add killed after its keychain write: the orphan item is named by doctor.
    const doc = await onDisk();
    const explained = new Set([...doc.accounts.map((a) => a.id), ...(doc.trash ?? []).map((t) => t.account.id)]);
    for (const item of items) {
      if (!unacknowledgedAdds.includes(item.secret)) continue;
      expect(explained.has(item.account) || named.has(item.account), `orphan ${item.account} is named`).toBe(true);
    }

    const restoreAll = await runCli(cli.file, ['doctor', '--restore-all'], box.env);
    expect(restoreAll.code, restoreAll.stderr).toBe(0);
    const after = await runCli(cli.file, ['doctor', '--json'], box.env);
    expect((JSON.parse(after.stdout) as { problems: VaultProblem[] }).problems).toEqual([]);
    console.log(`[kill9-ops] orphans restored at the end: ${named.size}`);
  }, 120_000);
});
