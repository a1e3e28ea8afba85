/**
 * Runs a bundled CLI program (one CommonJS file) with a V8 code cache, so that a start
 * after the first skips parsing and compiling what the last run compiled.
 *
 * Why our own: Node >= 22.1 has module.enableCompileCache(), Node 20 (which we
 * support) has nothing for modules; vm.Script's cachedData is the V8 feature both
 * stand on. The cache is made after the command ran (createCachedData then holds
 * every function that run compiled, not only the top level) and used by every
 * later run of the same bundle on the same Node. Commands compile different
 * functions (`list` never touches D-Bus, `code` does), so the cache records which
 * commands ("uses") it was made from, and the first run of another command writes
 * it again with its own functions added: each command pays the compile once.
 *
 * A cache is only ever a shortcut: unreadable, damaged, rejected by V8 or unwritable,
 * the command runs exactly as without it.
 */
import { isAscii } from 'node:buffer';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type NodeModule from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fnv1a } from './fnv1a';

/**
 * The file: this line, the length of the payload (4 bytes), then the payload twice. The payload:
 * the length of the uses (2 bytes), the uses (ASCII, one per line), the V8 data. A damaged cache
 * must never reach V8 (release builds of V8 do not verify its checksum, and a damaged cache can
 * crash it); two copies that must be equal catch a changed byte in either, for one extra read
 * of ~0.4 MB (compared 64 KB at a time: see readCache), where a digest would mean loading
 * node:crypto (~2.4 ms, more than `authdesk list` has to spare: it never needs crypto otherwise).
 */
const MAGIC = Buffer.from('authdesk-v8-cache-3\n');
/** Rewrites stop after this many different uses: a cache is not rewritten forever by odd arguments. */
export const MAX_USES = 32;
const PREFIX = 'cli-';
const SUFFIX = '.v8cache';
/** How much of a build key a cache's name holds. */
const KEY_LENGTH = 24;

export interface LoadedProgram {
  /** The cache file for this bundle, or null when caching is off. */
  cacheFile: string | null;
  /** 'used': V8 took the cache; 'rejected': it did not (another V8 or flags); 'absent': none, or damaged. */
  cache: 'used' | 'rejected' | 'absent' | 'off';
  /** The cache should be written after this run: there is none, V8 turned it down, or this use is new to it. */
  stale: boolean;
  /** Runs the bundle as require() would run it. */
  run(): void;
  /** Writes the cache from what has been compiled so far (best after the run); false if it could not. */
  save(): boolean;
}

/** A cache file's content: the V8 data and the uses it was made from. */
export interface CacheContent {
  data: Buffer;
  uses: string[];
}

/**
 * One cache per bundle and Node build. V8 checks its own version and flags but, of the
 * source, only its length, so the name must say which bundle this is: the build's SHA-256
 * of it (`buildKey`, stamped into the launcher by scripts/cli-bundle.mjs, so no run has to
 * hash 0.7 MB) and the file's size, modification time and inode (a rebuilt or edited file).
 */
export function cacheFileFor(cacheDir: string, buildKey: string, file: string): string {
  const s = statSync(file, { bigint: true });
  const stamp = [s.size, s.mtimeNs, s.ino, process.version, process.arch, process.platform].join('/');
  return path.join(cacheDir, `${PREFIX}${buildKey.slice(0, KEY_LENGTH)}-${fnv1a(stamp)}${SUFFIX}`);
}

/**
 * The cache's content, or undefined when the file is missing, cut short or damaged. With `reuse`
 * (memory the caller is done with, at least as long as one copy), the data is read into it: on a
 * machine where each fresh page of memory costs a fault (a VM: 8 MB first touched in ~22 ms),
 * reading 0.5-0.9 MB into new memory costs more than the read. The second copy is compared a
 * piece at a time, so it needs no memory of its own either.
 */
export function readCache(file: string, reuse?: Buffer): CacheContent | undefined {
  return readOpenCache(openCache(file), reuse);
}

/** The cache file opened for reading, or undefined when there is none (or it cannot be opened). */
function openCache(file: string): number | undefined {
  try {
    return openSync(file, 'r');
  } catch {
    return undefined;
  }
}

/** readCache on a file opened by openCache, which it closes. */
function readOpenCache(fd: number | undefined, reuse: Buffer | undefined): CacheContent | undefined {
  if (fd === undefined) return undefined;
  try {
    return readCacheFrom(fd, reuse);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readCacheFrom(fd: number, reuse: Buffer | undefined): CacheContent | undefined {
  const head = MAGIC.length + 4;
  const size = fstatSync(fd).size;
  if (size <= head) return undefined;
  const header = Buffer.alloc(head);
  if (!readAt(fd, header, 0) || !header.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = header.readUInt32LE(MAGIC.length);
  if (length < 2 || size !== head + 2 * length) return undefined;
  const payload =
    reuse !== undefined && reuse.length >= length ? reuse.subarray(0, length) : Buffer.allocUnsafe(length);
  if (!readAt(fd, payload, head)) return undefined;
  const piece = Buffer.allocUnsafe(Math.min(length, COMPARE_PIECE));
  for (let at = 0; at < length; at += piece.length) {
    const part = piece.subarray(0, Math.min(piece.length, length - at));
    if (!readAt(fd, part, head + length + at) || !part.equals(payload.subarray(at, at + part.length))) return undefined;
  }
  const usesLength = payload.readUInt16LE(0);
  if (length <= 2 + usesLength) return undefined;
  const uses = payload.toString('latin1', 2, 2 + usesLength);
  return { data: payload.subarray(2 + usesLength), uses: uses ? uses.split('\n') : [] };
}

/** How much of the second copy is read and compared at a time. */
const COMPARE_PIECE = 64 * 1024;

/** Fills `into` from `position` of the file; false if the file ends first. */
function readAt(fd: number, into: Buffer, position: number): boolean {
  for (let done = 0; done < into.length;) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/**
 * Writes the cache atomically (a temporary file renamed over), readable by the user only,
 * and removes caches of earlier bundles: every other cache in the folder but those of the
 * programs named in `keep` (build keys: the launcher runs two programs, each with its own
 * cache). Every failure is swallowed: no cache is fine.
 */
export function writeCache(file: string, { data, uses }: CacheContent, keep: readonly string[] = []): boolean {
  const dir = path.dirname(file);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const usesBytes = Buffer.from(uses.join('\n'), 'latin1');
    const usesLength = Buffer.alloc(2);
    usesLength.writeUInt16LE(usesBytes.length);
    const payload = Buffer.concat([usesLength, usesBytes, data]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(payload.length);
    writeFileSync(temp, Buffer.concat([MAGIC, length, payload, payload]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written where nothing could be.
    }
    return false;
  }
  try {
    const kept = keep.map((key) => `${PREFIX}${key.slice(0, KEY_LENGTH)}-`);
    for (const name of readdirSync(dir))
      if (
        name.startsWith(PREFIX) &&
        name.endsWith(SUFFIX) &&
        name !== path.basename(file) &&
        !kept.some((start) => name.startsWith(start))
      )
        rmSync(path.join(dir, name), { force: true });
  } catch {
    // Old caches left behind cost disk space only.
  }
  return true;
}

/**
 * Node's CommonJS wrapper, as Module.wrap writes it. The build writes the bundle already inside
 * it (scripts/cli-bundle.mjs; a test holds the two texts equal), so V8 compiles the file's text
 * as read: wrapping it here would copy the 0.7 MB text into a new string, which cost every
 * start a young-generation collection (0.3-0.5 ms in bench rounds). A program without it is
 * wrapped here.
 */
export const PROGRAM_HEAD = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * Node's CommonJS loader (for createRequire). The launcher runs as CommonJS (dist/cli/authdesk.cjs),
 * and its own `module` is an instance of it: importing node:module instead loads Node's ES module
 * loader and source-map support with it (0.5-0.8 ms of every start, measured on its own). Imported
 * as an ES module (the tests), this file asks Node for it.
 */
function commonJsLoader(): typeof NodeModule {
  const own = typeof module === 'object' ? (module?.constructor as Partial<typeof NodeModule> | undefined) : undefined;
  if (typeof own?.createRequire === 'function') return own as typeof NodeModule;
  return process.getBuiltinModule('node:module');
}

/** What may name a use: a command word (the file keeps uses one per line, in ASCII). */
export const isUseName = (text: string): boolean => /^[a-z][a-z-]{0,31}$/.test(text);

/** What a cache made by this run records: the uses it was made from, this one added (a name, or '' for none). */
function usesAfter(before: string[], use: string): string[] {
  if (!isUseName(use) || before.includes(use) || before.length >= MAX_USES) return before;
  return [...before, use];
}

/**
 * Compiles `file` (a CommonJS bundle) through vm.Script so V8 can take a code cache and
 * give one; run() then runs it as require() would. With cacheDir null there is no cache.
 * `use` names what this run does (the command): a cache not made from it yet is stale.
 * `keep`: the build keys of other programs whose caches share the folder (see writeCache).
 */
export function loadWithCodeCache(
  file: string,
  cacheDir: string | null,
  buildKey: string,
  use = '',
  keep: readonly string[] = [],
): LoadedProgram {
  const cacheFile = cacheDir === null ? null : cacheFileFor(cacheDir, buildKey, file);
  const bytes = readFileSync(file);
  // The build writes the bundle in ASCII (cli-bundle.mjs): read as Latin-1 it is the same text, 4x
  // faster than UTF-8. A cache is only written for an ASCII file, and its name holds the file's size,
  // time and inode: while one is there, the file is the one found ASCII then, and is not scanned again.
  const cacheFd = cacheFile === null ? undefined : openCache(cacheFile);
  const ascii = cacheFd !== undefined || isAscii(bytes);
  const source = ascii ? bytes.toString('latin1') : bytes.toString('utf8');
  // The file's bytes are not needed once they are text: the cache is read into the same memory.
  const cached = readOpenCache(cacheFd, bytes);
  const wrapped = source.startsWith(PROGRAM_HEAD) ? source : `${PROGRAM_HEAD}${source}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData: cached?.data });
  const cache =
    cacheFile === null ? 'off' : cached === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  // A cache V8 turned down holds nothing this run keeps: the new one starts its own list.
  const known = cache === 'used' ? cached!.uses : [];
  const uses = usesAfter(known, use);
  return {
    cacheFile,
    cache,
    // A program that is not ASCII (hand-edited) runs without a cache: see `ascii` above.
    stale: ascii && (cache === 'absent' || cache === 'rejected' || (cache === 'used' && uses.length > known.length)),
    run() {
      const wrapper = script.runInThisContext() as (
        exports: unknown,
        require: NodeJS.Require,
        module: { exports: unknown },
        filename: string,
        dirname: string,
      ) => void;
      const module = { exports: {} };
      wrapper.call(
        module.exports,
        module.exports,
        commonJsLoader().createRequire(file),
        module,
        file,
        path.dirname(file),
      );
    },
    save: () => cacheFile !== null && ascii && writeCache(cacheFile, { data: script.createCachedData(), uses }, keep),
  };
}
