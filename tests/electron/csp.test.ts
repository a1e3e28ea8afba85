import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { repoRoot } from '../support/vectors';

/** The CSP <meta> of an HTML file, or null. */
function metaPolicy(html: string): string | null {
  const tag = html.match(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
  return (
    tag
      ?.match(/content="([^"]*)"/i)?.[1]
      ?.replace(/\s+/g, ' ')
      .trim() ?? null
  );
}

describe('the Content-Security-Policy', () => {
  it('is the same in the header main sends and in renderer/index.html', () => {
    const html = readFileSync(path.join(repoRoot, 'renderer/index.html'), 'utf8');
    expect(metaPolicy(html)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is also the one in the built bundle, when there is one', (ctx) => {
    const built = path.join(repoRoot, 'dist/renderer/index.html');
    if (!existsSync(built)) ctx.skip(); // `npm run build` makes it; npm test always builds first
    expect(metaPolicy(readFileSync(built, 'utf8'))).toBe(CONTENT_SECURITY_POLICY);
  });

  it('starts from nothing and allows no remote origin, inline script or eval', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });
});
