/**
 * A strict reader for exactly one kind of Java object serialization stream:
 * a `java.util.HashMap<String, String>` written by ObjectOutputStream, which
 * is what FreeOTP 2 saves as its backup. The npm readers of this format are
 * unmaintained, and a general one would also have to resolve arbitrary
 * classes; this one accepts the HashMap's own class description (any
 * primitive fields: desktop Java writes loadFactor + threshold, old Android
 * only loadFactor), its size block, and String keys and values (short, long
 * or back-references), and refuses everything else with the byte offset.
 *
 * The result is a Map, never a plain object, so keys like `__proto__` are
 * just strings.
 */

const MAGIC = 0xaced;
const VERSION = 5;
const TC_NULL = 0x70;
const TC_REFERENCE = 0x71;
const TC_CLASSDESC = 0x72;
const TC_OBJECT = 0x73;
const TC_STRING = 0x74;
const TC_ENDBLOCKDATA = 0x78;
const TC_BLOCKDATA = 0x77;
const TC_LONGSTRING = 0x7c;
const BASE_HANDLE = 0x7e0000;
const SC_WRITE_METHOD = 0x01;
const SC_SERIALIZABLE = 0x02;
const PRIMITIVE_SIZES: Record<string, number> = { B: 1, C: 2, D: 8, F: 4, I: 4, J: 8, S: 2, Z: 1 };

/** The stream is not a serialized HashMap<String, String> (or is cut short): what and at which byte. */
export class JavaStreamError extends Error {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {
    super(`${what} (byte ${offset})`);
  }
}

export function isJavaSerialization(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ((bytes[0]! << 8) | bytes[1]!) === MAGIC && ((bytes[2]! << 8) | bytes[3]!) === VERSION;
}

export function readJavaHashMap(bytes: Uint8Array): Map<string, string> {
  return new Reader(bytes).hashMap();
}

class Reader {
  private pos = 0;
  /** Objects in the order they got handles; only strings may be referred back to. */
  private readonly handles: (string | null)[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  hashMap(): Map<string, string> {
    if (!isJavaSerialization(this.bytes)) this.fail('this is not a Java serialization stream');
    this.pos = 4;
    this.expect(TC_OBJECT, 'an object');
    const fieldBytes = this.hashMapClassDesc();
    this.handles.push(null); // the HashMap itself
    this.take(fieldBytes, 'the HashMap fields');
    this.expect(TC_BLOCKDATA, 'the HashMap size block');
    const blockLength = this.u8();
    if (blockLength !== 8) this.fail(`the HashMap size block is ${blockLength} bytes, not 8`);
    this.take(4, 'the HashMap capacity');
    const sizeAt = this.pos;
    const size = this.i32();
    // Each pair takes at least 6 bytes (two empty strings): a bigger count is a damaged stream.
    if (size < 0 || size * 6 > this.bytes.length - this.pos) this.fail(`a map of ${size} entries cannot fit`, sizeAt);
    const map = new Map<string, string>();
    for (let i = 0; i < size; i++) {
      const keyAt = this.pos;
      const key = this.string(`the key of entry ${i + 1}`);
      if (map.has(key)) this.fail(`the key "${key.slice(0, 40)}" appears twice`, keyAt);
      map.set(key, this.string(`the value of "${key.slice(0, 40)}"`));
    }
    this.expect(TC_ENDBLOCKDATA, 'the end of the HashMap');
    if (this.pos !== this.bytes.length) this.fail(`${this.bytes.length - this.pos} unexpected bytes follow the map`);
    return map;
  }

  /** java.util.HashMap's class description; returns how many bytes its primitive field values take. */
  private hashMapClassDesc(): number {
    this.expect(TC_CLASSDESC, 'a class description');
    const nameAt = this.pos;
    const name = this.utf(this.u16(), 'the class name');
    if (name !== 'java.util.HashMap')
      this.fail(`the object is a ${name.slice(0, 60)}, not a java.util.HashMap`, nameAt);
    this.take(8, 'the serialVersionUID');
    this.handles.push(null);
    const flags = this.u8();
    if (flags !== (SC_SERIALIZABLE | SC_WRITE_METHOD)) this.fail(`unexpected class flags 0x${flags.toString(16)}`);
    let fieldBytes = 0;
    const fieldCount = this.u16();
    for (let i = 0; i < fieldCount; i++) {
      const typeAt = this.pos;
      const type = String.fromCharCode(this.u8());
      const size = PRIMITIVE_SIZES[type];
      if (size === undefined) this.fail(`field ${i + 1} of HashMap has type '${type}', not a primitive`, typeAt);
      this.utf(this.u16(), `the name of field ${i + 1}`);
      fieldBytes += size;
    }
    this.expect(TC_ENDBLOCKDATA, 'the end of the class annotation');
    this.expect(TC_NULL, 'no superclass');
    return fieldBytes;
  }

  private string(what: string): string {
    const at = this.pos;
    const tag = this.u8();
    if (tag === TC_STRING) return this.newString(this.u16(), what);
    if (tag === TC_LONGSTRING) {
      const high = this.i32();
      const low = this.i32() >>> 0;
      if (high !== 0) this.fail(`${what} is a string longer than 4 GB`, at);
      return this.newString(low, what);
    }
    if (tag === TC_REFERENCE) {
      const handle = this.i32() - BASE_HANDLE;
      const target = this.handles[handle];
      if (typeof target !== 'string') this.fail(`${what} refers back to something that is not a string`, at);
      return target;
    }
    if (tag === TC_NULL) this.fail(`${what} is null`, at);
    return this.fail(`${what} is not a string (type code 0x${tag.toString(16)})`, at);
  }

  private newString(length: number, what: string): string {
    const text = this.utf(length, what);
    this.handles.push(text);
    return text;
  }

  /** Java's "modified UTF-8": NUL as C0 80, characters above U+FFFF as two 3-byte surrogates; no 4-byte forms. */
  private utf(length: number, what: string): string {
    const start = this.pos;
    const raw = this.take(length, what);
    const units: number[] = [];
    for (let i = 0; i < raw.length;) {
      const b = raw[i]!;
      const cont = (k: number) => {
        const c = raw[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) this.fail(`${what} is not valid modified UTF-8`, start + i);
        return c & 0x3f;
      };
      if (b < 0x80 && b !== 0) {
        units.push(b);
        i += 1;
      } else if ((b & 0xe0) === 0xc0) {
        units.push(((b & 0x1f) << 6) | cont(1));
        i += 2;
      } else if ((b & 0xf0) === 0xe0) {
        units.push(((b & 0x0f) << 12) | (cont(1) << 6) | cont(2));
        i += 3;
      } else this.fail(`${what} is not valid modified UTF-8`, start + i);
    }
    let text = '';
    for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
    return text;
  }

  private expect(tag: number, what: string): void {
    const at = this.pos;
    const got = this.u8();
    if (got !== tag) this.fail(`expected ${what} (0x${tag.toString(16)}), found 0x${got.toString(16)}`, at);
  }

  private take(length: number, what: string): Uint8Array {
    if (this.pos + length > this.bytes.length) this.fail(`the file ends inside ${what}`, this.bytes.length);
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  private u8(): number {
    return this.take(1, 'a type code')[0]!;
  }

  private u16(): number {
    const b = this.take(2, 'a length');
    return (b[0]! << 8) | b[1]!;
  }

  private i32(): number {
    const b = this.take(4, 'a number');
    return (b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!;
  }

  private fail(what: string, at = this.pos): never {
    throw new JavaStreamError(at, what);
  }
}
