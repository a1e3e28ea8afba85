/**
 * The CLI writes its output straight to file descriptors 1 and 2 (cli/fd-write.ts).
 * Whatever the reader does, a person sees the whole output or a quiet end: a reader
 * that closes early (`authdesk list | head`) ends the command with its status and no
 * stack trace, and a slow reader of more than a pipe holds still gets every byte.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccountMeta } from '../../common/otp/types';
import { vaultFiles } from '../../core/paths';
import { writeMetadata } from '../../core/vault/metadata-file';
import { emptyDocument } from '../../core/vault/metadata-document';
import { requireSecretService } from '../support/keychain';
import { collect, spawnCli } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();
const { box, cli } = useCliSandbox('authdesk-cli-output');
const ACCOUNTS = 1500; // ~130 KB of `list`: twice what a Linux pipe holds

async function fillVault() {
  const accounts: AccountMeta[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: randomUUID(),
    issuer: `Issuer ${i}`,
    name: `user${i}@example.com`,
    createdAt: 1_700_000_000_000,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }));
  await writeMetadata(vaultFiles(box.dataDir), { ...emptyDocument(), accounts });
}

describe('CLI output', () => {
  it('a reader slower than the pipe gets all of a long `list`, in order', async () => {
    await fillVault();
    const child = spawnCli(cli.file, ['list'], box.env);
    const result = collect(child);
    child.stdout!.pause();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the pipe fills; the CLI must wait, not drop
    child.stdout!.resume();
    const r = await result;
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ACCOUNTS);
    expect(lines[0]).toMatch(/^Issuer 0 \(user0@example\.com\)/);
    expect(lines.at(-1)).toMatch(new RegExp(`^Issuer ${ACCOUNTS - 1} \\(`));
  });

  it.each([['list'], ['--version'], ['--help']])(
    '`authdesk %s` into a pipe closed before it writes: exit 0, nothing on stderr',
    async (arg) => {
      const child = spawnCli(cli.file, [arg], box.env);
      child.stdout!.destroy(); // the reader is gone (as `| head` after its lines)
      const r = await collect(child);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
  );
});
