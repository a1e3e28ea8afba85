/**
 * Writes Java object serialization streams of a HashMap<String, String> the
 * way ObjectOutputStream does (desktop Java's two fields, or old Android's
 * one), for tests of the strict reader and of FreeOTP 2 backups. Repeated
 * strings can be written as back-references, long ones as TC_LONGSTRING.
 */
export interface JavaMapOptions {
  /** Old Android: the class has only loadFactor. */
  android?: boolean;
  /** A string seen before is written as TC_REFERENCE to its handle. */
  references?: boolean;
  /** Every string as TC_LONGSTRING. */
  longStrings?: boolean;
}

/** Java's modified UTF-8: NUL as C0 80, each UTF-16 unit (surrogates too) on its own. */
export function modifiedUtf8(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 1 && u < 0x80) out.push(u);
    else if (u < 0x800) out.push(0xc0 | (u >> 6), 0x80 | (u & 0x3f));
    else out.push(0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f));
  }
  return Buffer.from(out);
}

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const utf = (text: string) => {
  const bytes = modifiedUtf8(text);
  return Buffer.concat([u16(bytes.length), bytes]);
};

export function javaHashMap(entries: [string, string][], options: JavaMapOptions = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]), utf('java.util.HashMap')];
  parts.push(Buffer.from('0507dac1c31660d1', 'hex'), Buffer.from([0x03]));
  if (options.android) parts.push(u16(1), Buffer.from('F'), utf('loadFactor'));
  else parts.push(u16(2), Buffer.from('F'), utf('loadFactor'), Buffer.from('I'), utf('threshold'));
  parts.push(Buffer.from([0x78, 0x70]), Buffer.from('3f400000', 'hex'));
  if (!options.android) parts.push(i32(12));
  parts.push(Buffer.from([0x77, 8]), i32(16), i32(entries.length));
  // Handles: 0 the class description, 1 the map, then each new string.
  const handles = new Map<string, number>();
  let next = 2;
  const string = (text: string) => {
    const seen = handles.get(text);
    if (options.references && seen !== undefined) return Buffer.concat([Buffer.from([0x71]), i32(0x7e0000 + seen)]);
    handles.set(text, next++);
    const bytes = modifiedUtf8(text);
    if (options.longStrings) return Buffer.concat([Buffer.from([0x7c]), i32(0), i32(bytes.length), bytes]);
    return Buffer.concat([Buffer.from([0x74]), u16(bytes.length), bytes]);
  };
  for (const [key, value] of entries) parts.push(string(key), string(value));
  parts.push(Buffer.from([0x78]));
  return Buffer.concat(parts);
}
