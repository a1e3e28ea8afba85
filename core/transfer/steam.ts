/**
 * Steam Desktop Authenticator maFiles (`{shared_secret, account_name, ...}`),
 * alone or wrapped as `{accounts: {id: maFile}}`. shared_secret is base64.
 */
import { EntryCollector, makeEntry } from './entry';
import { damaged } from './file-errors';
import { isObject } from './safe-json';
import type { Importer } from './types';

const NAME = 'Steam (maFile)';
const isMaFile = (v: unknown): v is Record<string, unknown> => isObject(v) && typeof v.shared_secret === 'string';

function maFiles(json: unknown): Record<string, unknown>[] {
  if (isMaFile(json)) return [json];
  if (isObject(json) && isObject(json.accounts)) return Object.values(json.accounts).filter(isMaFile);
  return [];
}

export const steamImporter: Importer = {
  id: 'steam',
  name: NAME,
  detect: (input) => maFiles(input.json).length > 0,
  async parse(input) {
    const files = maFiles(input.json);
    if (!files.length) throw damaged(NAME, 'the top level', 'there is no shared_secret');
    const found = new EntryCollector();
    files.forEach((f, i) => {
      found.add(`account ${i + 1}`, { issuer: 'Steam', name: f.account_name }, () => {
        const secret = Buffer.from(f.shared_secret as string, 'base64');
        return makeEntry({ type: 'steam', issuer: 'Steam', name: f.account_name, secret });
      });
    });
    return { format: 'steam', formatName: NAME, ...found };
  },
};
