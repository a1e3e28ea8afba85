/**
 * Aegis vaults (JSON `{version: 1, header: {slots, params}, db}`), plain and
 * encrypted, db versions 1–3. Encrypted: a password slot (type 1) holds the
 * master key, wrapped with AES-256-GCM under scrypt(password); the db is
 * AES-256-GCM under the master key. Slots of other types (raw 0, biometric 2)
 * cannot be opened with a password and are skipped.
 */
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { gcmOpen, gcmSeal, randomBytes, scrypt } from './crypto';
import { isObject, parseJsonSafely } from './safe-json';
import type { ImportedEntry, Importer, ImportResult } from './types';
import type { AccountDraft } from '../../common/otp/types';
import { randomUUID } from 'node:crypto';

const NAME = 'Aegis';
const hex = (value: unknown): Buffer | null =>
  typeof value === 'string' && /^([0-9a-f]{2})*$/i.test(value) ? Buffer.from(value, 'hex') : null;

function isAegis(json: unknown): json is { version: unknown; header: Record<string, unknown>; db: unknown } {
  return isObject(json) && isObject(json.header) && 'db' in json && 'slots' in json.header;
}

export const aegisImporter: Importer = {
  id: 'aegis',
  name: NAME,
  detect: (input) => isAegis(input.json),
  async parse(input, { password }) {
    const file = input.json;
    if (!isAegis(file)) throw damaged(NAME, 'the top level', 'it is not an Aegis vault');
    if (file.version !== 1) throw damaged(NAME, 'version', `version ${String(file.version)} is not one Authdesk knows`);
    if (isObject(file.db)) return readDb(file.db, `${NAME} (plain)`);
    if (typeof file.db !== 'string') throw damaged(NAME, 'db', 'it is neither an object nor encrypted text');
    if (password === undefined) throw passwordRequired(NAME);
    const db = await decryptDb(file.header, file.db, password);
    return readDb(db, `${NAME} (encrypted)`);
  },
};

async function decryptDb(
  header: Record<string, unknown>,
  db: string,
  password: string,
): Promise<Record<string, unknown>> {
  const slots = Array.isArray(header.slots) ? header.slots : [];
  const passwordSlots = slots.filter((s): s is Record<string, unknown> => isObject(s) && s.type === 1);
  if (!passwordSlots.length)
    throw damaged(NAME, 'header.slots', 'no password slot: it can only be opened on the phone');
  const params = isObject(header.params) ? header.params : {};
  const nonce = hex(params.nonce);
  const tag = hex(params.tag);
  if (!nonce || !tag) throw damaged(NAME, 'header.params', 'the nonce or tag is missing');
  for (const [i, slot] of passwordSlots.entries()) {
    const where = `header.slots[${slots.indexOf(slot)}]`;
    const salt = hex(slot.salt);
    const key = hex(slot.key);
    const keyParams = isObject(slot.key_params) ? slot.key_params : {};
    const [n, r, p] = [numberish(slot.n), numberish(slot.r), numberish(slot.p)];
    if (!salt || !key || !n || !r || !p || n > 2 ** 20 || r > 32 || p > 16)
      throw damaged(NAME, where, 'its key parameters are missing or out of range');
    const wrapKey = await scrypt(password, salt, { n, r, p });
    const master = gcmOpen(
      wrapKey,
      hex(keyParams.nonce) ?? Buffer.alloc(0),
      key,
      hex(keyParams.tag) ?? Buffer.alloc(0),
    );
    if (!master) {
      if (i === passwordSlots.length - 1) throw wrongPassword(NAME);
      continue;
    }
    const plain = gcmOpen(master, nonce, Buffer.from(db, 'base64'), tag);
    // The password opened the slot, so a failing db tag means changed bytes, not a wrong password.
    if (!plain) throw damaged(NAME, 'db', 'the encrypted accounts do not match their checksum (changed or cut short)');
    const parsed = safeParse(plain.toString('utf8'));
    if (!isObject(parsed)) throw damaged(NAME, 'db', 'the decrypted accounts are not a JSON object');
    return parsed;
  }
  throw wrongPassword(NAME);
}

function safeParse(text: string): unknown {
  try {
    return parseJsonSafely(text);
  } catch {
    return null;
  }
}

function readDb(db: Record<string, unknown>, formatName: string): ImportResult {
  if (!Array.isArray(db.entries)) throw damaged(NAME, 'db.entries', 'the list of accounts is missing');
  // db v3: groups by uuid; db v2: a group name per entry.
  const groupNames = new Map<string, string>();
  if (Array.isArray(db.groups))
    for (const g of db.groups)
      if (isObject(g) && typeof g.uuid === 'string' && typeof g.name === 'string') groupNames.set(g.uuid, g.name);
  const found = new EntryCollector();
  db.entries.forEach((e: unknown, i) => {
    const entry = isObject(e) ? e : {};
    found.add(`db.entries[${i}]`, entry, () => {
      const info = isObject(entry.info) ? entry.info : {};
      const type = typeof entry.type === 'string' ? entry.type : '';
      const groups: string[] = [];
      if (typeof entry.group === 'string' && entry.group) groups.push(entry.group);
      if (Array.isArray(entry.groups))
        for (const id of entry.groups)
          if (typeof id === 'string' && groupNames.has(id)) groups.push(groupNames.get(id)!);
      return makeEntry({
        type,
        issuer: entry.issuer,
        name: entry.name,
        secret: typeof info.secret === 'string' ? info.secret : '',
        algorithm: typeof info.algo === 'string' ? info.algo : undefined,
        digits: numberish(info.digits),
        period: numberish(info.period),
        counter: numberish(info.counter),
        groups,
        note: entry.note,
      });
    });
  });
  return { format: 'aegis', formatName, ...found };
}

/** The db object Aegis v3 writes for `accounts`. */
function aegisDb(accounts: (AccountDraft | ImportedEntry)[]): Record<string, unknown> {
  return {
    version: 3,
    entries: accounts.map((a) => ({
      type: a.type,
      uuid: randomUUID(),
      name: a.name,
      issuer: a.issuer,
      note: ('note' in a && a.note) || '',
      favorite: false,
      icon: null,
      info: {
        secret: a.secret,
        algo: a.algorithm,
        digits: a.digits,
        ...(a.type === 'hotp' ? { counter: a.counter ?? 0 } : { period: a.period ?? 30 }),
      },
      groups: [],
    })),
    groups: [],
  };
}

export interface AegisExportOptions {
  /** scrypt cost, Aegis' own default unless a test asks for less. */
  scryptN?: number;
}

/** An encrypted Aegis vault (one password slot), which Aegis on Android imports. */
export async function exportAegisEncrypted(
  accounts: AccountDraft[],
  password: string,
  options: AegisExportOptions = {},
): Promise<string> {
  const master = randomBytes(32);
  const salt = randomBytes(32);
  const [n, r, p] = [options.scryptN ?? 32768, 8, 1];
  const wrapKey = await scrypt(password, salt, { n, r, p });
  const slotNonce = randomBytes(12);
  const wrapped = gcmSeal(wrapKey, slotNonce, master);
  const dbNonce = randomBytes(12);
  const sealed = gcmSeal(master, dbNonce, Buffer.from(JSON.stringify(aegisDb(accounts)), 'utf8'));
  const vault = {
    version: 1,
    header: {
      slots: [
        {
          type: 1,
          uuid: randomUUID(),
          key: wrapped.ciphertext.toString('hex'),
          key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') },
          n,
          r,
          p,
          salt: salt.toString('hex'),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: dbNonce.toString('hex'), tag: sealed.tag.toString('hex') },
    },
    db: sealed.ciphertext.toString('base64'),
  };
  return `${JSON.stringify(vault, null, 4)}\n`;
}
