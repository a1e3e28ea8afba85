/**
 * The opt-in update check against a real HTTP server on 127.0.0.1 that plays
 * the GitHub releases API. It only reports; the test also pins the version
 * order it relies on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkForUpdate, compareVersions, RELEASE_FEED } from '../../core/update-check';

let server: Server;
let base: string;
/** What the server answers per path: [status, body]. */
const routes = new Map<string, [number, string]>();
const seen: { path: string; userAgent: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', userAgent: req.headers['user-agent'] });
    const [status, body] = routes.get(req.url ?? '') ?? [404, '{"message":"Not Found"}'];
    if (req.url === '/hang') return; // never answers
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const release = (tag: string, extra: object = {}) =>
  JSON.stringify({ tag_name: tag, html_url: `https://github.com/authdesk/authdesk/releases/tag/${tag}`, ...extra });
const serve = (path: string, status: number, body: string) => {
  routes.set(path, [status, body]);
  return `${base}${path}`;
};

describe('checkForUpdate', () => {
  it('reports a newer release with its download page, and says who is asking', async () => {
    const url = serve('/newer', 200, release('v0.2.0'));
    expect(await checkForUpdate({ current: '0.1.0', url })).toEqual({
      status: 'newer',
      current: '0.1.0',
      latest: '0.2.0',
      downloadUrl: 'https://github.com/authdesk/authdesk/releases/tag/v0.2.0',
    });
    expect(seen.find((s) => s.path === '/newer')?.userAgent).toBe('Authdesk/0.1.0');
  });

  it('says up to date for the same or an older release', async () => {
    expect(await checkForUpdate({ current: '0.2.0', url: serve('/same', 200, release('v0.2.0')) })).toEqual({
      status: 'current',
      current: '0.2.0',
      latest: '0.2.0',
    });
    expect((await checkForUpdate({ current: '1.0.0', url: serve('/older', 200, release('0.9.9')) })).status).toBe(
      'current',
    );
  });

  it('ignores drafts and pre-releases, and picks the highest of a release list', async () => {
    const list = JSON.stringify([
      JSON.parse(release('v0.9.0', { prerelease: true })),
      JSON.parse(release('v0.8.0', { draft: true })),
      JSON.parse(release('v0.3.0')),
      JSON.parse(release('v0.4.0-beta.1')),
      JSON.parse(release('v0.2.5')),
    ]);
    expect(await checkForUpdate({ current: '0.1.0', url: serve('/list', 200, list) })).toMatchObject({
      status: 'newer',
      latest: '0.3.0',
    });
    expect(
      (await checkForUpdate({ current: '0.1.0', url: serve('/pre', 200, release('v0.2.0', { prerelease: true })) }))
        .status,
    ).toBe('failed');
  });

  it('never links anywhere but https: a missing or http page falls back to the configured download page', async () => {
    const url = serve('/http-link', 200, release('v9.0.0', { html_url: 'http://evil.example/' }));
    expect(await checkForUpdate({ current: '0.1.0', url })).toMatchObject({ downloadUrl: RELEASE_FEED.downloadPage });
    expect(RELEASE_FEED.downloadPage).toMatch(/^https:\/\//);
    expect(RELEASE_FEED.releasesApi).toMatch(/^https:\/\/api\.github\.com\/repos\/.+\/releases\/latest$/);
  });

  it.each([
    ['an HTTP error', () => serve('/down', 503, '{}'), /HTTP 503/],
    ['a body that is not JSON', () => serve('/html', 200, '<html>'), /could not be reached or read/],
    ['no release', () => serve('/empty', 200, '[]'), /lists no published release/],
    ['a tag that is not a version', () => serve('/tag', 200, release('nightly')), /lists no published release/],
    ['a refused connection', () => 'http://127.0.0.1:1/', /could not be reached/],
  ])('fails with a sentence, never a throw, on %s', async (_name, url, message) => {
    const result = await checkForUpdate({ current: '0.1.0', url: url() });
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(message) });
    expect((result as { message: string }).message).toMatch(/^Could not check for a newer version: .+\.$/);
  });

  it('gives up on a feed that does not answer', async () => {
    expect(await checkForUpdate({ current: '0.1.0', url: `${base}/hang`, timeoutMs: 200 })).toEqual({
      status: 'failed',
      message: 'Could not check for a newer version: the release feed did not answer in time.',
    });
  });
});

describe('compareVersions (semver order)', () => {
  it.each([
    ['1.0.0', '0.9.9', 1],
    ['0.10.0', '0.9.0', 1],
    ['1.0.0', '1.0.0', 0],
    ['v1.2.3', '1.2.3', 0],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0+build.5', '1.0.0', 0],
    ['garbage', '0.0.1', -1],
  ])('%s vs %s = %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });
});
