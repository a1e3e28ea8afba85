/**
 * The settings and app channels under an admin policy, through the real
 * handlers: a managed setting is refused as a value with 'managed-by-policy',
 * the result says what is managed, and the update check stays off unless the
 * user opted in and the policy allows it (checked against a local server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../core/policy';
import { checkForUpdate } from '../../../core/update-check';
import { realHandlers } from './harness';

let server: Server;
let feed: string;
let requests = 0;
const policyDir = mkdtempSync(path.join(tmpdir(), 'authdesk-handler-policy-'));

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"tag_name":"v9.9.9","html_url":"https://example.org/r"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/latest`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(policyDir, { recursive: true, force: true });
});

const policyWith = (rules: object) => {
  const file = path.join(policyDir, `${Object.keys(rules).join('-') || 'empty'}.json`);
  writeFileSync(file, JSON.stringify(rules));
  return loadPolicy(file);
};
const checkUpdate = () => checkForUpdate({ current: '0.1.0', url: feed });

describe('settings channels under a policy', () => {
  it('refuse a managed setting with a typed error, report what is managed, and change the rest', async () => {
    const policy = policyWith({ language: 'nb', requireAppLock: true });
    const h = await realHandlers('authdesk-policy-handlers', { policy, checkUpdate });
    try {
      expect(await h.call('settings.set', { language: 'en' })).toEqual({
        ok: false,
        error: {
          code: 'managed-by-policy',
          message: `The language is set by your organisation's policy (${policy.file}) and cannot be changed here.`,
        },
      });
      expect(await h.ok('settings.set', { contentProtection: false })).toMatchObject({
        contentProtection: false,
        language: 'nb',
        managed: ['language'],
        policy: { file: policy.file, requireAppLock: true, problems: [] },
      });
    } finally {
      await h.cleanUp();
    }
  });
});

describe('app.checkUpdate', () => {
  it('is off until the user opts in, then asks the feed', async () => {
    const h = await realHandlers('authdesk-update-handlers', { checkUpdate });
    try {
      const before = requests;
      expect(await h.ok('app.checkUpdate', {})).toEqual({ status: 'off', reason: 'setting' });
      expect(requests).toBe(before);
      await h.ok('settings.set', { updateCheck: true });
      expect(await h.ok('app.checkUpdate', {})).toEqual({
        status: 'newer',
        current: '0.1.0',
        latest: '9.9.9',
        downloadUrl: 'https://example.org/r',
      });
      expect(requests).toBe(before + 1);
    } finally {
      await h.cleanUp();
    }
  });

  it('stays off when the policy disables it, even if the user had opted in before', async () => {
    const free = await realHandlers('authdesk-update-policy', { checkUpdate });
    await free.ok('settings.set', { updateCheck: true });
    // The same data folder (the user's opt-in is stored), now under a policy that disables the check.
    const h = await realHandlers('authdesk-update-policy', {
      checkUpdate,
      dataDir: free.dataDir,
      policy: policyWith({ disableUpdateCheck: true }),
    });
    try {
      const before = requests;
      expect(await h.ok('app.checkUpdate', {})).toEqual({ status: 'off', reason: 'policy' });
      expect(requests).toBe(before);
      expect(await h.call('settings.set', { updateCheck: true })).toMatchObject({
        ok: false,
        error: { code: 'managed-by-policy' },
      });
    } finally {
      await h.cleanUp();
      await free.cleanUp();
    }
  });
});
