/**
 * The CLI under an admin policy: `authdesk policy` shows the rules and their
 * source, a broken file is shown on every command, and `check-update` obeys
 * "disableUpdateCheck" (and otherwise asks a local server playing GitHub).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { runCli } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();
const { box, cli, run } = useCliSandbox('authdesk-cli-policy');
const policyFile = box.env.AUTHDESK_POLICY_FILE;
const setPolicy = (text: string) => writeFileSync(policyFile, text);
afterEach(() => rmSync(policyFile, { force: true }));

let server: Server;
let feed: string;
let requests = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"tag_name":"v99.0.0","html_url":"https://github.com/authdesk/authdesk/releases/tag/v99.0.0"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/latest`;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));

describe('authdesk policy', () => {
  it('says nothing is managed when there is no file', async () => {
    const result = await run('policy');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Policy file: ${policyFile} (not present: nothing is managed)`);
    expect(result.stdout).toMatch(/^ {2}forbidPlainTextExport +false$/m);
  });

  it('prints the effective rules, marking what the file sets', async () => {
    setPolicy(JSON.stringify({ language: 'nb', forbidPlainTextExport: true }));
    const result = await run('policy');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Policy file: ${policyFile} (found)`);
    expect(result.stdout).toMatch(/^ {2}language +nb {2}\(set by policy\)$/m);
    expect(result.stdout).toMatch(/^ {2}forbidPlainTextExport +true {2}\(set by policy\)$/m);
    expect(result.stdout).toMatch(/^ {2}requireAppLock +false$/m);
    const json = JSON.parse((await run('policy', '--json')).stdout) as { effective: object; found: boolean };
    expect(json).toMatchObject({ found: true, effective: { language: 'nb', forbidPlainTextExport: true } });
  });

  it('shows what is wrong with a broken file, exit 1, and warns on every other command too', async () => {
    setPolicy('{ "requireAppLock": "yes", "colour": "blue" }');
    const result = await run('policy');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `authdesk: warning: Policy file ${policyFile}: "requireAppLock" must be true or false`,
    );
    expect(result.stderr).toContain('unknown setting "colour" was ignored');
    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('authdesk check-update', () => {
  it('tells about a newer release and links to it (nothing is downloaded)', async () => {
    const result = await runCli(cli.file, ['check-update'], { ...box.env, AUTHDESK_RELEASES_URL: feed });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^Authdesk 99\.0\.0 is available \(you have \d+\.\d+\.\d+\): https:\/\/github\.com\/authdesk\/authdesk\/releases\/tag\/v99\.0\.0\n$/,
    );
  });

  it('refuses when the policy disables it, with the rule and the file, and asks nobody', async () => {
    setPolicy(JSON.stringify({ disableUpdateCheck: true }));
    const before = requests;
    const result = await runCli(cli.file, ['check-update'], { ...box.env, AUTHDESK_RELEASES_URL: feed });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      `authdesk: Your organisation's policy forbids checking for a newer version ("disableUpdateCheck": true in ${policyFile}).\n`,
    );
    expect(requests).toBe(before);
  });
});

describe('authdesk export under a policy', () => {
  it('refuses plain-text exports when the policy forbids them, and writes nothing', async () => {
    setPolicy(JSON.stringify({ forbidPlainTextExport: true }));
    const out = `${box.dataDir}/plain.txt`;
    for (const format of ['otpauth', 'migration-qr']) {
      const result = await run('export', '--format', format, '--out', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('forbidPlainTextExport');
    }
    expect(existsSync(out)).toBe(false);
  });
});
