/**
 * The CLI launcher's V8 code cache (cli/launcher/code-cache.ts), on real files and the real
 * V8 of this process: a cache is written, taken by V8 the next time, and whatever goes wrong
 * with it (damaged, from another bundle, unwritable, turned off) the program runs the same.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFileFor, loadWithCodeCache, MAX_USES, PROGRAM_HEAD, readCache } from '../../cli/launcher/code-cache';
import { PROGRAM_HEAD as BUILD_PROGRAM_HEAD, wrapProgram } from '../../scripts/cli-bundle.mjs';
import { codeCacheDir } from '../../core/paths';

let dir: string;
let program: string;
let cacheDir: string;
const runs = () => (globalThis as { __codeCacheRuns?: number }).__codeCacheRuns ?? 0;

/** A CommonJS program with enough functions for a cache worth the name; each run counts itself. */
function writeProgram(file: string, answer: number) {
  const helpers = Array.from({ length: 50 }, (_, i) => `function helper${i}(x) { return x + ${i}; }`).join('\n');
  writeFileSync(
    file,
    `${helpers}\nglobalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;\n` +
      `module.exports.answer = helper0(${answer});\nglobalThis.__codeCacheAnswer = module.exports.answer + (typeof require);\n`,
  );
}
const answer = () => (globalThis as { __codeCacheAnswer?: string }).__codeCacheAnswer;
const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-code-cache-'));
  program = path.join(dir, 'program.cjs');
  cacheDir = path.join(dir, 'cache');
  writeProgram(program, 41);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('code cache', () => {
  it('first run: no cache, the program runs, save() writes one (0600 in a 0700 folder); next load: V8 uses it', () => {
    const before = runs();
    const first = loadWithCodeCache(program, cacheDir, 'build-1');
    expect(first.cache).toBe('absent');
    first.run();
    expect(runs()).toBe(before + 1);
    expect(answer()).toBe('41function');
    expect(first.save()).toBe(true);
    expect(cacheFiles()).toHaveLength(1);
    if (process.platform !== 'win32') {
      expect(
        readdirSync(dir, { withFileTypes: true })
          .find((d) => d.name === 'cache')
          ?.isDirectory(),
      ).toBe(true);
      const { mode: fileMode } = statSync(first.cacheFile!);
      const { mode: dirMode } = statSync(cacheDir);
      expect(fileMode & 0o777).toBe(0o600);
      expect(dirMode & 0o777).toBe(0o700);
    }
    const second = loadWithCodeCache(program, cacheDir, 'build-1');
    expect(second.cacheFile).toBe(first.cacheFile);
    expect(second.cache).toBe('used');
    second.run();
    expect(runs()).toBe(before + 2);
    expect(answer()).toBe('41function');
  });

  it('a damaged cache (one byte flipped in either copy, or cut short) is never handed to V8: the program runs, a new cache replaces it', () => {
    const first = loadWithCodeCache(program, cacheDir, 'build-1');
    first.run();
    first.save();
    const file = first.cacheFile!;
    const good = readFileSync(file);
    const flipped = (at: number) => {
      const copy = Buffer.from(good);
      copy[at] = copy[at]! ^ 0x40;
      return copy;
    };
    for (const damaged of [
      flipped(40), // in the first copy of the data
      flipped(good.length - 10), // in the second
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.from('not a cache at all'),
    ]) {
      writeFileSync(file, damaged);
      expect(readCache(file)).toBeUndefined();
      const again = loadWithCodeCache(program, cacheDir, 'build-1');
      expect(again.cache).toBe('absent');
      again.run();
      expect(answer()).toBe('41function');
      expect(again.save()).toBe(true);
      expect(readCache(file)).toBeDefined();
    }
  });

  it('a cache V8 turns down (made for another source of the same length) is reported and rewritten', () => {
    const first = loadWithCodeCache(program, cacheDir, 'build-1');
    first.run();
    first.save();
    const stolen = readFileSync(first.cacheFile!);
    // Another program, other functions, same key: V8's own check is the last line of defence.
    writeFileSync(program, `module.exports = 1;\nglobalThis.__codeCacheAnswer = 'other';\n`);
    const file = cacheFileFor(cacheDir, 'build-1', program);
    writeFileSync(file, stolen);
    const again = loadWithCodeCache(program, cacheDir, 'build-1');
    expect(again.cache).toBe('rejected');
    again.run();
    expect(answer()).toBe('other');
  });

  it('another build or an edited file (same length) gets its own cache; writing it removes the old one', () => {
    const first = loadWithCodeCache(program, cacheDir, 'build-1');
    first.run();
    first.save();
    expect(cacheFileFor(cacheDir, 'build-2', program)).not.toBe(first.cacheFile);
    writeProgram(program, 42); // same length as 41
    utimesSync(program, new Date(), new Date(Date.now() + 5000));
    const edited = loadWithCodeCache(program, cacheDir, 'build-1');
    expect(edited.cacheFile).not.toBe(first.cacheFile);
    expect(edited.cache).toBe('absent');
    edited.run();
    expect(answer()).toBe('42function');
    edited.save();
    expect(cacheFiles()).toEqual([path.basename(edited.cacheFile!)]);
  });

  it("two programs share the folder: writing one's cache keeps the other's (named in keep), and removes older builds'", () => {
    const quick = path.join(dir, 'quick.cjs');
    writeProgram(quick, 7);
    const a = loadWithCodeCache(program, cacheDir, 'program-1', 'add', ['quick-1']);
    a.run();
    expect(a.save()).toBe(true);
    const b = loadWithCodeCache(quick, cacheDir, 'quick-1', 'list', ['program-1']);
    b.run();
    expect(b.save()).toBe(true);
    expect(cacheFiles().sort()).toEqual([path.basename(a.cacheFile!), path.basename(b.cacheFile!)].sort());
    expect(loadWithCodeCache(program, cacheDir, 'program-1', 'add', ['quick-1']).cache).toBe('used');
    expect(loadWithCodeCache(quick, cacheDir, 'quick-1', 'list', ['program-1']).cache).toBe('used');
    // A new build of one program: its old cache goes, the other program's stays.
    const next = loadWithCodeCache(program, cacheDir, 'program-2', 'add', ['quick-1']);
    next.run();
    expect(next.save()).toBe(true);
    expect(cacheFiles().sort()).toEqual([path.basename(next.cacheFile!), path.basename(b.cacheFile!)].sort());
    // Without the other program named, it goes too (as every cache of an earlier build does).
    const alone = loadWithCodeCache(program, cacheDir, 'program-3', 'add');
    alone.run();
    expect(alone.save()).toBe(true);
    expect(cacheFiles()).toEqual([path.basename(alone.cacheFile!)]);
  });

  it('each new use (command) rewrites the cache with its own functions added; a use it was made from does not', () => {
    // Two "commands" that run different functions, as `list` and `code` do.
    const fns = (tag: string) =>
      Array.from({ length: 60 }, (_, i) => `function ${tag}${i}(x) { return [x, ${i}].join('-'); }`).join('\n');
    const calls = (tag: string) => Array.from({ length: 60 }, (_, i) => `${tag}${i}(1)`).join(' + ');
    writeFileSync(
      program,
      `${fns('a')}\n${fns('b')}\nglobalThis.__codeCacheAnswer = globalThis.__codeCacheMode === 'b' ? ${calls('b')} : ${calls('a')};\n`,
    );
    const mode = (m: 'a' | 'b') => ((globalThis as { __codeCacheMode?: string }).__codeCacheMode = m);
    const runAs = (use: string, m: 'a' | 'b') => {
      const loaded = loadWithCodeCache(program, cacheDir, 'build-1', use);
      mode(m);
      loaded.run();
      return loaded;
    };

    const first = runAs('list', 'a');
    expect(first).toMatchObject({ cache: 'absent', stale: true });
    expect(first.save()).toBe(true);
    const listOnly = readCache(first.cacheFile!)!;
    expect(listOnly.uses).toEqual(['list']);
    expect(runAs('list', 'a')).toMatchObject({ cache: 'used', stale: false });

    const code = runAs('code', 'b');
    expect(code).toMatchObject({ cache: 'used', stale: true });
    expect(code.save()).toBe(true);
    const both = readCache(code.cacheFile!)!;
    expect(both.uses).toEqual(['list', 'code']);
    // It kept what `list` compiled and added what `code` did.
    expect(both.data.length).toBeGreaterThan(listOnly.data.length);
    expect(runAs('code', 'b')).toMatchObject({ cache: 'used', stale: false });
    expect(runAs('list', 'a')).toMatchObject({ cache: 'used', stale: false });
    expect(answer()).toBe(Array.from({ length: 60 }, (_, i) => `1-${i}`).join(''));
    // No use, or a name that is not one, never makes a cache stale.
    expect(runAs('', 'a').stale).toBe(false);
    expect(runAs('two\nlines', 'a').stale).toBe(false);
  });

  it(`stops recording new uses after ${MAX_USES}, so odd arguments cannot make every run rewrite it`, () => {
    // Use names are command words (letters and dashes): use-a, use-b, ... use-z, use-ba, ...
    const name = (i: number) =>
      `use-${[...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}`;
    const first = loadWithCodeCache(program, cacheDir, 'build-1', name(0));
    first.run();
    first.save();
    for (let i = 1; i < MAX_USES; i++) {
      const next = loadWithCodeCache(program, cacheDir, 'build-1', name(i));
      expect(next.stale).toBe(true);
      next.run();
      next.save();
    }
    expect(readCache(first.cacheFile!)!.uses).toHaveLength(MAX_USES);
    expect(loadWithCodeCache(program, cacheDir, 'build-1', 'one-more').stale).toBe(false);
  });

  it('an unusable cache folder (a file in its place) costs nothing but the cache: the program runs, save() says false', () => {
    writeFileSync(cacheDir, 'a file, not a folder');
    const loaded = loadWithCodeCache(program, cacheDir, 'build-1');
    expect(loaded.cache).toBe('absent');
    loaded.run();
    expect(answer()).toBe('41function');
    expect(loaded.save()).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs a program written inside the CommonJS wrapper (as the build writes it) once, as it runs a plain one', () => {
    // The build's wrapper, the launcher's and Node's own are one text: a program wrapped twice
    // would define its function and never call it, so a command would silently do nothing.
    expect(BUILD_PROGRAM_HEAD).toBe(PROGRAM_HEAD);
    expect(wrapProgram('')).toBe(Module.wrap(''));
    writeFileSync(program, wrapProgram(readFileSync(program, 'utf8')));
    const before = runs();
    const first = loadWithCodeCache(program, cacheDir, 'build-1');
    first.run();
    expect(runs()).toBe(before + 1);
    expect(answer()).toBe('41function');
    expect(first.save()).toBe(true);
    const second = loadWithCodeCache(program, cacheDir, 'build-1');
    expect(second.cache).toBe('used');
    second.run();
    expect(runs()).toBe(before + 2);
  });

  it("reads the cache into memory the caller hands over (the program file's bytes), with the same result", () => {
    const first = loadWithCodeCache(program, cacheDir, 'build-1', 'list');
    first.run();
    first.save();
    const fresh = readCache(first.cacheFile!)!;
    const reuse = Buffer.alloc(readFileSync(first.cacheFile!).length);
    const reused = readCache(first.cacheFile!, reuse)!;
    expect(reused.uses).toEqual(['list']);
    expect(reused.data.equals(fresh.data)).toBe(true);
    expect(reused.data.buffer).toBe(reuse.buffer); // no memory of its own
    // Too small to hold it: new memory, the same content.
    const small = readCache(first.cacheFile!, Buffer.alloc(8))!;
    expect(small.data.equals(fresh.data)).toBe(true);
    expect(small.data.buffer).not.toBe(reuse.buffer);
  });

  it('a program that is not ASCII (hand-edited) runs as UTF-8, and without a cache', () => {
    writeFileSync(program, `globalThis.__codeCacheAnswer = 'blåbær ✓';\n`);
    const loaded = loadWithCodeCache(program, cacheDir, 'build-1', 'list');
    expect(loaded).toMatchObject({ cache: 'absent', stale: false });
    loaded.run();
    expect(answer()).toBe('blåbær ✓');
    expect(loaded.save()).toBe(false);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('turned off (no folder): no cache is read or written', () => {
    const loaded = loadWithCodeCache(program, null, 'build-1');
    expect(loaded).toMatchObject({ cache: 'off', cacheFile: null });
    loaded.run();
    expect(answer()).toBe('41function');
    expect(loaded.save()).toBe(false);
  });
});

describe('codeCacheDir', () => {
  it("is the OS's per-user cache folder, AUTHDESK_CACHE_DIR when set, none with AUTHDESK_CODE_CACHE=0", () => {
    expect(codeCacheDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.cache/Authdesk');
    expect(codeCacheDir({ HOME: '/home/a', XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe('/xdg/Authdesk');
    expect(codeCacheDir({ HOME: '/home/a', XDG_CACHE_HOME: 'relative' }, 'linux')).toBe('/home/a/.cache/Authdesk');
    expect(codeCacheDir({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Caches/Authdesk');
    expect(codeCacheDir({ USERPROFILE: 'C:\\Users\\a', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toBe(
      'C:\\Users\\a\\AppData\\Local\\Authdesk\\Cache',
    );
    expect(codeCacheDir({ HOME: '/home/a', AUTHDESK_CACHE_DIR: '/tmp/c' }, 'linux')).toBe(path.resolve('/tmp/c'));
    expect(codeCacheDir({ HOME: '/home/a', AUTHDESK_CODE_CACHE: '0' }, 'linux')).toBeNull();
  });
});
