/** Every case of the shared otpauth_uri_cases.json: valid links parse to the expected entry and code, invalid ones fail with the mapped code. */
import { expect, it } from 'vitest';
import type { ErrorCode } from '../../../common/errors';
import { generateCode, hotpCode, parseOtpauthUri } from '../../../core/otp/index';
import { describeWithVectors, hasVectors, readVectorJson } from '../../support/vectors';
import { caught } from './support';

type CodeCheck = { unix_time: number; code: string } | { counter: number; code: string };
interface UriCase {
  id: string;
  uri: string;
  expect?: Record<string, unknown>;
  expect_error?: string;
  code_checks?: CodeCheck[];
}

/** The vectors' error kinds, in our codes. */
const ERROR_CODES: Record<string, ErrorCode> = {
  malformed_uri: 'malformed-uri',
  invalid_scheme: 'bad-scheme',
  invalid_type: 'bad-type',
  missing_secret: 'missing-secret',
  invalid_secret: 'bad-secret',
  unsupported_algorithm: 'bad-algorithm',
  invalid_digits: 'bad-digits',
  invalid_period: 'bad-period',
  missing_counter: 'missing-counter',
  invalid_counter: 'bad-counter',
};

const file = hasVectors
  ? readVectorJson<{ error_kinds: string[]; cases: UriCase[] }>('otpauth', 'otpauth_uri_cases.json')
  : { error_kinds: [], cases: [] };
const valid = file.cases.filter((c) => c.expect !== undefined);
const invalid = file.cases.filter((c) => c.expect_error !== undefined);
const codeChecks = valid.flatMap((c) => (c.code_checks ?? []).map((check) => ({ id: c.id, uri: c.uri, check })));

describeWithVectors(
  `otpauth_uri_cases.json: all ${file.cases.length} cases (${valid.length} valid, ${invalid.length} invalid, ${codeChecks.length} code checks)`,
  () => {
    it('has a case for every outcome and every error kind we map', () => {
      expect(valid.length + invalid.length).toBe(file.cases.length);
      expect(file.cases.length).toBeGreaterThanOrEqual(61);
      expect(Object.keys(ERROR_CODES).sort()).toEqual([...file.error_kinds].sort());
    });

    it.each(valid)('$id parses to the expected entry', ({ uri, expect: expected }) => {
      // `image` is deliberately not kept (see uri-parse.ts): compare everything else.
      const { image: _image, ...entry } = expected ?? {};
      expect(parseOtpauthUri(uri)).toEqual(entry);
    });

    it.each(invalid)('$id is refused ($expect_error)', ({ uri, expect_error }) => {
      const err = caught(() => parseOtpauthUri(uri));
      expect(err.code).toBe(ERROR_CODES[expect_error ?? '']);
      expect(err.message).toMatch(/^[A-Z].*[.]$/);
    });

    it.each(codeChecks)('$id gives code $check.code', ({ uri, check }) => {
      const draft = parseOtpauthUri(uri);
      const code =
        'counter' in check
          ? hotpCode(draft.secret, draft, check.counter)
          : generateCode(draft.secret, draft, check.unix_time * 1000);
      expect(code).toBe(check.code);
    });
  },
);
