/**
 * The opt-in check for a newer release. It asks one JSON endpoint (GitHub's
 * "latest release" API, configured in package.json "authdesk.releasesApi"),
 * compares versions, and at most tells the user and links to the download
 * page. It never downloads or installs anything: installers go through the
 * user or their IT department, signed, as they always do.
 *
 * Never throws: every failure is a { status: 'failed' } with a sentence.
 */
import type { UpdateCheckResult } from '../common/app-info';
import pkg from '../package.json' with { type: 'json' };

export const RELEASE_FEED = {
  releasesApi: pkg.authdesk.releasesApi,
  downloadPage: pkg.authdesk.downloadPage,
} as const;

export interface UpdateCheckOptions {
  current: string;
  url?: string;
  /** Where to send people when the feed's own link is missing or not https. */
  downloadPage?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

type Found = Exclude<UpdateCheckResult, { status: 'off' }>;

export async function checkForUpdate(options: UpdateCheckOptions): Promise<Found> {
  const { current, url = RELEASE_FEED.releasesApi, downloadPage = RELEASE_FEED.downloadPage } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  if (!parseVersion(current)) return failed(`this build's version "${current}" is not a version number`);
  let body: unknown;
  try {
    const response = await fetchImpl(url, {
      headers: { Accept: 'application/vnd.github+json', 'User-Agent': `Authdesk/${current}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: 'follow',
    });
    if (!response.ok) return failed(`the release feed answered HTTP ${response.status}`);
    body = await response.json();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    return failed(
      name === 'TimeoutError'
        ? 'the release feed did not answer in time'
        : 'the release feed could not be reached or read',
    );
  }
  const latest = newestRelease(body);
  if (!latest) return failed('the release feed lists no published release');
  if (compareVersions(latest.version, current) <= 0) return { status: 'current', current, latest: latest.version };
  return { status: 'newer', current, latest: latest.version, downloadUrl: httpsOr(latest.page, downloadPage) };
}

function failed(why: string): Found {
  return { status: 'failed', message: `Could not check for a newer version: ${why}.` };
}

/** Accepts GitHub's single "latest" object or a list of releases; drafts and pre-releases do not count. */
function newestRelease(body: unknown): { version: string; page: unknown } | null {
  const list = Array.isArray(body) ? body : [body];
  let best: { version: string; page: unknown } | null = null;
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (r.draft === true || r.prerelease === true || typeof r.tag_name !== 'string') continue;
    const version = r.tag_name.replace(/^v/, '');
    const parsed = parseVersion(version);
    if (!parsed || parsed.pre.length > 0) continue;
    if (!best || compareVersions(version, best.version) > 0) best = { version, page: r.html_url };
  }
  return best;
}

function httpsOr(link: unknown, fallback: string): string {
  if (typeof link !== 'string') return fallback;
  try {
    return new URL(link).protocol === 'https:' ? link : fallback;
  } catch {
    return fallback;
  }
}

interface Version {
  core: [number, number, number];
  pre: (string | number)[];
}

export function parseVersion(text: string): Version | null {
  const m =
    /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const pre = m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre };
}

/** Semantic-version order (semver.org §11): -1, 0 or 1. Unparseable versions sort lowest. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! < y.core[i]! ? -1 : 1;
  // A release outranks its pre-releases.
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p < q ? -1 : 1;
    if (typeof p === 'number') return -1; // numeric identifiers sort before alphanumeric ones
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
