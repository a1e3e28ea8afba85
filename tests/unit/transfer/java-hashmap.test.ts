/**
 * The strict reader of Java-serialized HashMap<String, String> streams: reads
 * what ObjectOutputStream writes (both class layouts, back-references, long
 * strings, modified UTF-8) and refuses anything else with the byte offset.
 */
import { describe, expect, it } from 'vitest';
import { JavaStreamError, isJavaSerialization, readJavaHashMap } from '../../../core/transfer/java-hashmap';
import { javaHashMap, modifiedUtf8 } from './java-stream';

const ENTRIES: [string, string][] = [
  ['masterKey', '{"mAlgorithm":"PBKDF2withHmacSHA512"}'],
  ['a-token', 'same'],
  ['b-token', 'same'],
];

function refusal(bytes: Uint8Array): JavaStreamError {
  try {
    readJavaHashMap(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(JavaStreamError);
    return err as JavaStreamError;
  }
  throw new Error('the stream was accepted');
}

describe('readJavaHashMap', () => {
  it.each([
    ['desktop Java (loadFactor + threshold)', {}],
    ['old Android (loadFactor only)', { android: true }],
    ['back-references to repeated strings', { references: true }],
    ['long strings', { longStrings: true }],
  ])('reads a map written by %s', (_, options) => {
    const map = readJavaHashMap(javaHashMap(ENTRIES, options));
    expect([...map]).toEqual(ENTRIES);
  });

  it('decodes modified UTF-8: NUL, accents, and characters beyond U+FFFF as surrogate pairs', () => {
    const text = 'a\u0000b æøå 日本 \u{1F510}';
    expect(modifiedUtf8(text).includes(0)).toBe(false);
    expect(readJavaHashMap(javaHashMap([['k', text]])).get('k')).toBe(text);
  });

  it('keeps __proto__ and constructor as plain keys of a Map', () => {
    const map = readJavaHashMap(
      javaHashMap([
        ['__proto__', '{"polluted":true}'],
        ['constructor', 'x'],
      ]),
    );
    expect(map.get('__proto__')).toBe('{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty map is a map', () => {
    expect(readJavaHashMap(javaHashMap([])).size).toBe(0);
  });

  it('refuses a stream cut short at every length, naming where it ends', () => {
    const bytes = javaHashMap(ENTRIES);
    for (let n = 0; n < bytes.length; n++) {
      const err = refusal(bytes.subarray(0, n));
      expect(err.message).toMatch(/byte \d+/);
    }
  });

  it('refuses another class, a null value, a duplicate key, a bad back-reference and trailing bytes', () => {
    const good = javaHashMap([['k', 'v']]);
    const other = Buffer.from(good.toString('latin1').replace('java.util.HashMap', 'java.util.TreeMap'), 'latin1');
    expect(refusal(other).what).toMatch(/TreeMap, not a java\.util\.HashMap/);

    const nullValue = Buffer.concat([good.subarray(0, good.length - 5), Buffer.from([0x70, 0x78])]);
    expect(refusal(nullValue).what).toMatch(/value of "k" is null/);

    expect(
      refusal(
        javaHashMap([
          ['k', 'v'],
          ['k', 'w'],
        ]),
      ).what,
    ).toMatch(/"k" appears twice/);

    // The value refers back to handle 0, the class description, not a string.
    const badRef = Buffer.concat([good.subarray(0, good.length - 5), Buffer.from([0x71, 0, 0x7e, 0, 0, 0x78])]);
    expect(refusal(badRef).what).toMatch(/not a string/);

    expect(refusal(Buffer.concat([good, Buffer.from([0])])).what).toMatch(/1 unexpected bytes follow/);
  });

  it('refuses a size that cannot fit and invalid modified UTF-8, with the offset', () => {
    const good = javaHashMap([['k', 'v']]);
    const sizeAt = good.indexOf(Buffer.from([0x77, 8])) + 6;
    const huge = Buffer.from(good);
    huge.writeInt32BE(1_000_000, sizeAt);
    expect(refusal(huge)).toMatchObject({ offset: sizeAt, what: expect.stringMatching(/1000000 entries cannot fit/) });

    const badUtf = Buffer.from(good);
    badUtf[good.length - 2] = 0xff; // the value "v"
    expect(refusal(badUtf)).toMatchObject({ offset: good.length - 2, what: expect.stringMatching(/modified UTF-8/) });
  });

  it('knows the magic number only', () => {
    expect(isJavaSerialization(javaHashMap([]))).toBe(true);
    expect(isJavaSerialization(Buffer.from('{"a":1}'))).toBe(false);
    expect(refusal(Buffer.from('PK\u0003\u0004xxxx')).what).toMatch(/not a Java serialization stream/);
  });
});
