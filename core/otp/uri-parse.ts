/**
 * Key URIs (`otpauth://TYPE/LABEL?PARAMS`, Google's "Key Uri Format") and
 * Bitwarden's `steam://SECRET` into an AccountDraft, or an AuthdeskError that
 * says what is wrong. Policies where the spec is silent follow the shared
 * vectors (otpauth_uri_cases.json):
 *  - the issuer parameter wins over a different label prefix;
 *  - `+` in a query value is a space (form encoding), in the label a literal plus;
 *  - digits 1–10; hotp without a counter is an error; the issuer "Steam" alone
 *    does not make a Steam token (host `steam` or `encoder=steam` does);
 *  - unknown parameters (image, codeDisplay, ...) are ignored. We do not keep
 *    `image`: showing it would mean fetching a URL someone else chose.
 */
import { AuthdeskError } from '../../common/errors';
import { safeLabel, splitLabel } from './label';
import { DEFAULTS, STEAM, quote, parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseType } from './params';
import { normalizeNewSecret } from './secret';
import type { AccountDraft, OtpType } from '../../common/otp/types';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export function parseOtpauthUri(text: string): AccountDraft {
  const uri = text.trim();
  const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new AuthdeskError('malformed-uri', 'This is not an authenticator link: such links start with otpauth://.');
  }
  if (scheme !== 'otpauth' && scheme !== 'steam') {
    const keyInLink = /[?&]secret=([^&#]*)/i.exec(uri)?.[1] ?? '';
    const shown = quote(scheme, keyInLink) === '' ? 'something else' : `'${scheme}:'`;
    throw new AuthdeskError(
      'bad-scheme',
      `This link starts with ${shown}, not 'otpauth:', so it is not an authenticator key.`,
    );
  }
  if (!uri.slice(scheme.length + 1).startsWith('//')) {
    throw new AuthdeskError(
      'malformed-uri',
      `This authenticator link is damaged: '${scheme}:' must be followed by '//'.`,
    );
  }
  // Standard URI reading: a '#' starts a fragment, which carries nothing for us.
  const rest = uri.slice(scheme.length + 3).split('#', 1)[0] ?? '';
  return scheme === 'steam' ? parseSteamLink(rest) : parseKeyUri(rest);
}

/** `otpauth://` after the scheme: `TYPE[/LABEL][?QUERY]`. */
function parseKeyUri(rest: string): AccountDraft {
  const queryStart = rest.indexOf('?');
  const beforeQuery = queryStart < 0 ? rest : rest.slice(0, queryStart);
  const query = queryParams(queryStart < 0 ? '' : rest.slice(queryStart + 1));
  const slash = beforeQuery.indexOf('/');
  const host = slash < 0 ? beforeQuery : beforeQuery.slice(0, slash);
  const label = decodeLabel(slash < 0 ? '' : beforeQuery.slice(slash + 1));

  const secretParam = query.get('secret');
  const hostType = parseType(host, secretParam);
  const type: OtpType = query.get('encoder')?.toLowerCase() === 'steam' ? 'steam' : hostType;
  if (secretParam === undefined || secretParam.trim() === '') {
    throw new AuthdeskError('missing-secret', "This link has no secret key (the 'secret=' part is missing or empty).");
  }
  const secret = normalizeNewSecret(secretParam);
  const { prefix, account } = splitLabel(label);
  const issuerParam = safeLabel(query.get('issuer') ?? '');
  const issuer = issuerParam !== '' ? issuerParam : prefix;

  if (type === 'steam') return { type, issuer, name: account, secret, ...STEAM };
  const algorithm = optional(query, 'algorithm', parseAlgorithm, DEFAULTS.algorithm, secretParam);
  const digits = optional(query, 'digits', (raw, key) => parseDigits(raw, type, key), DEFAULTS.digits, secretParam);
  if (type === 'totp') {
    const period = optional(query, 'period', parsePeriod, DEFAULTS.period, secretParam);
    return { type, issuer, name: account, secret, algorithm, digits, period };
  }
  const counterParam = query.get('counter');
  if (counterParam === undefined || counterParam === '') {
    throw new AuthdeskError(
      'missing-counter',
      "This counter-based (HOTP) link has no counter (the 'counter=' part is missing), so the next code cannot be known.",
    );
  }
  return { type, issuer, name: account, secret, algorithm, digits, counter: parseCounter(counterParam, secretParam) };
}

/** Bitwarden's `steam://SECRET`: no label, so the issuer is "Steam" and the name empty. */
function parseSteamLink(rest: string): AccountDraft {
  const body = decodeLabel((rest.split('?', 1)[0] ?? '').replace(/\/+$/, ''));
  if (body.trim() === '') {
    throw new AuthdeskError('missing-secret', "This Steam link has no secret key (nothing follows 'steam://').");
  }
  return { type: 'steam', issuer: 'Steam', name: '', secret: normalizeNewSecret(body), ...STEAM };
}

/**
 * Query pairs, keys case-insensitive, first occurrence wins. URLSearchParams
 * splits each pair at its first '=' (padded secrets contain '=') and reads
 * '+' as a space, as Android and Aegis do.
 */
function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) {
    const name = key.toLowerCase();
    if (!params.has(name)) params.set(name, value);
    else if (DECISIVE.has(name) && params.get(name) !== value) throw conflicting(name);
  }
  return params;
}

/**
 * Parameters that decide which codes come out. When a link names one twice
 * with different values, "first wins" would be a guess that produces wrong
 * codes without a word, so the link is refused and the message says which
 * parameter is doubled (never its values: one may be the key).
 */
const DECISIVE = new Set(['secret', 'algorithm', 'digits', 'period', 'counter', 'encoder']);

function conflicting(name: string): AuthdeskError {
  return new AuthdeskError(
    name === 'secret' ? 'bad-secret' : 'malformed-uri',
    name === 'secret'
      ? "This link has two different 'secret=' parameters, so Authdesk cannot know which key is right. Ask the service for a new QR code."
      : `This link gives '${name}=' twice with different values, so Authdesk cannot know which one the service meant.`,
  );
}

/** The label is a path: '+' stays a plus, so decodeURIComponent and not form decoding. */
function decodeLabel(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new AuthdeskError(
      'malformed-uri',
      'This authenticator link is damaged: its name contains a broken %-escape.',
    );
  }
}

/** An empty value (`digits=`) counts as absent: exporters write those, and the default is what they meant. */
function optional<T>(
  query: Map<string, string>,
  key: string,
  parse: (raw: string, secret: string) => T,
  fallback: T,
  secret: string,
): T {
  const raw = query.get(key);
  return raw === undefined || raw === '' ? fallback : parse(raw, secret);
}
