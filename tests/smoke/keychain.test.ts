/**
 * The OS keychain from the app: `--self-test` round-trips an item through the
 * app binary itself (the packaged one in the release workflow), and an account
 * added in the window lands in the keychain under the app's service.
 */
import { expect, it } from 'vitest';
import { describeSmoke, smokeSandbox, useAuthdesk } from './support/authdesk';
import { runBinary } from './support/run-binary';
import { smokeTarget, type SmokeTarget } from './support/target';

describeSmoke('smoke: the keychain', 'binary', () => {
  it('passes --self-test: keychain round trip, complete bundle, writable data folder, no policy problem', async () => {
    const target = smokeTarget() as SmokeTarget;
    const sandbox = smokeSandbox('authdesk-smoke-self-test');
    try {
      const run = await runBinary(target.binary, [...target.appArgs, '--self-test'], sandbox.env);
      expect(run.report, `no self-test report.\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).not.toBeNull();
      expect(run.report!.checks).toEqual([
        expect.objectContaining({ name: 'keychain', ok: true }),
        expect.objectContaining({ name: 'app-bundle', ok: true }),
        expect.objectContaining({ name: 'data-folder', ok: true }),
        expect.objectContaining({ name: 'policy', ok: true }),
      ]);
      expect(run.report!.packaged).toBe(target.kind === 'packaged');
      expect(run.code).toBe(0);
    } finally {
      await sandbox.cleanup();
    }
  });
});

describeSmoke('smoke: an account added in the window is in the keychain', 'window', () => {
  const session = useAuthdesk();

  it('stores the secret under the app service, keyed by the account id', async () => {
    const { window, sandbox } = session;
    const added = await window.evaluate(() =>
      (
        window as unknown as { authenticator: { accounts: { add(i: unknown): Promise<unknown> } } }
      ).authenticator.accounts.add({
        uri: 'otpauth://totp/Keys:carol?secret=JBSWY3DPEHPK3PXP&issuer=Keys',
      }),
    );
    expect(added).toMatchObject({ ok: true, value: { issuer: 'Keys' } });
    const id = (added as { value: { id: string } }).value.id;
    expect(await sandbox.secrets.get(id)).toBe('JBSWY3DPEHPK3PXP');
  });
});
