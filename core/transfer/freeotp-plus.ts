/**
 * FreeOTP+ JSON export: `{tokenOrder[], tokens[]}`; each token has the key as
 * an array of SIGNED bytes (-128..127). The HOTP counter is imported as stored
 * (FreeOTP keeps the counter of the last code shown, as Aegis imports it).
 */
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged } from './file-errors';
import { isObject } from './safe-json';
import type { Importer } from './types';

const NAME = 'FreeOTP+';

function isFreeOtpPlus(json: unknown): json is { tokens: unknown[] } {
  return isObject(json) && Array.isArray(json.tokens) && Array.isArray(json.tokenOrder);
}

export const freeotpPlusImporter: Importer = {
  id: 'freeotp-plus',
  name: NAME,
  detect: (input) => isFreeOtpPlus(input.json),
  async parse(input) {
    if (!isFreeOtpPlus(input.json)) throw damaged(NAME, 'the top level', 'there is no tokens list');
    const found = new EntryCollector();
    input.json.tokens.forEach((t, i) => {
      const token = isObject(t) ? t : {};
      const issuer = token.issuerExt || token.issuerInt;
      found.add(`tokens[${i}]`, { issuer, name: token.label }, () => {
        const raw = Array.isArray(token.secret) ? token.secret : [];
        if (!raw.every((b) => Number.isInteger(b) && (b as number) >= -128 && (b as number) <= 255))
          throw damaged(NAME, `tokens[${i}].secret`, 'the key is not a list of bytes');
        return makeEntry({
          type: typeof token.type === 'string' ? token.type : 'totp',
          issuer,
          name: token.label,
          secret: Uint8Array.from(raw as number[], (b) => b & 0xff),
          algorithm: typeof token.algo === 'string' ? token.algo : undefined,
          digits: numberish(token.digits),
          period: numberish(token.period),
          counter: numberish(token.counter),
        });
      });
    });
    return { format: 'freeotp-plus', formatName: NAME, ...found };
  },
};
