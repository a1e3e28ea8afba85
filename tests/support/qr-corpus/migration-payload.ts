/**
 * Builds Google Authenticator transfer payloads (`otpauth-migration://offline?data=...`)
 * with a tiny protobuf writer: the long, dense QR codes real exports produce.
 * Field numbers follow the shared vectors' README (migration/).
 */
export interface MigrationAccount {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 1 SHA1, 2 SHA256, 3 SHA512. */
  algorithm: number;
  /** 1 six, 2 eight. */
  digits: number;
  /** 1 HOTP, 2 TOTP. */
  type: number;
  counter?: number;
}

function varint(value: number): number[] {
  // int32 fields may be negative: protobuf writes them as 10-byte two's complement.
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function field(num: number, wire: 0 | 2, value: number | Uint8Array): number[] {
  const key = varint((num << 3) | wire);
  if (typeof value === 'number') return [...key, ...varint(value)];
  return [...key, ...varint(value.length), ...value];
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function encodeAccount(a: MigrationAccount): Uint8Array {
  const bytes = [
    ...field(1, 2, a.secret),
    ...field(2, 2, utf8(a.name)),
    ...field(3, 2, utf8(a.issuer)),
    ...field(4, 0, a.algorithm),
    ...field(5, 0, a.digits),
    ...field(6, 0, a.type),
  ];
  if (a.counter !== undefined) bytes.push(...field(7, 0, a.counter));
  return Uint8Array.from(bytes);
}

export function encodeMigrationPayload(accounts: MigrationAccount[], batchId: number): Uint8Array {
  const bytes: number[] = [];
  for (const a of accounts) bytes.push(...field(1, 2, encodeAccount(a)));
  bytes.push(...field(2, 0, 1), ...field(3, 0, 1), ...field(4, 0, 0), ...field(5, 0, batchId));
  return Uint8Array.from(bytes);
}

export function migrationUri(accounts: MigrationAccount[], batchId: number): string {
  const base64 = Buffer.from(encodeMigrationPayload(accounts, batchId)).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(base64)}`;
}
