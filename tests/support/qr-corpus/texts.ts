/** The texts the corpus encodes: key URIs, long transfer URIs, and a few non-OTP texts. */
import type { Rng } from './prng';
import { migrationUri, type MigrationAccount } from './migration-payload';

const ISSUERS = [
  'GitHub',
  'Example',
  'Air Canada',
  'Deno',
  'ACME Corp',
  'Bank of Nowhere',
  'Mastodon',
  'Proton',
  'Zürich Cloud',
  'GitLab',
];
const NAMES = [
  'alice@example.com',
  'bob',
  'carol.smith@mail.test',
  'dave',
  'erin+2fa@example.org',
  'frank@ops.test',
  'grace',
];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomBytes(rng: Rng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

function base32(rng: Rng, chars: number): string {
  return Array.from({ length: chars }, () => rng.pick([...BASE32])).join('');
}

export function otpauthText(rng: Rng): string {
  const issuer = rng.pick(ISSUERS);
  const name = rng.pick(NAMES);
  const secret = base32(rng, rng.pick([16, 26, 32, 52]));
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(name)}`;
  const params = new URLSearchParams({ secret, issuer });
  if (rng.next() < 0.3) params.set('algorithm', rng.pick(['SHA1', 'SHA256', 'SHA512']));
  if (rng.next() < 0.3) params.set('digits', rng.pick(['6', '8']));
  if (rng.next() < 0.2) return `otpauth://hotp/${label}?${params.toString()}&counter=${rng.int(0, 9999)}`;
  if (rng.next() < 0.3) params.set('period', rng.pick(['30', '60']));
  return `otpauth://totp/${label}?${params.toString()}`;
}

export function migrationText(rng: Rng, accounts: number): string {
  const list: MigrationAccount[] = Array.from({ length: accounts }, () => {
    const issuer = rng.pick(ISSUERS);
    return {
      secret: randomBytes(rng, rng.pick([10, 16, 20])),
      name: `${issuer}:${rng.pick(NAMES)}`,
      issuer,
      algorithm: 1,
      digits: 1,
      type: 2,
    };
  });
  return migrationUri(list, rng.int(-(2 ** 31), 2 ** 31 - 1));
}

const PLAIN = [
  'https://example.com/setup?step=2',
  'WIFI:S:office;T:WPA;P:correct horse;;',
  'Hello from the corpus',
  'tel:+4712345678',
];

/** Mostly key URIs (what the app is for), some transfer URIs and plain texts. */
export function someText(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.75) return otpauthText(rng);
  if (roll < 0.85) return migrationText(rng, rng.int(2, 5));
  return `${rng.pick(PLAIN)}#${rng.int(0, 99999)}`;
}
