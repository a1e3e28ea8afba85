import { mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFileChanges, type FileWatch } from '../../../core/watch';

let dir: string;
let file: string;
let watcher: FileWatch | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'authdesk-watch-'));
  file = path.join(dir, 'accounts.json');
  writeFileSync(file, '{"accounts":[]}');
});
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes like the vault does: a temp file renamed over the old one. */
function replace(content: string) {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

describe('watching the vault file', () => {
  it('reports a change another process makes (real fs events, debounced to one call)', async () => {
    let changes = 0;
    const changed = new Promise<void>((resolve) => {
      void watchFileChanges({ file, debounceMs: 20, onChange: () => (changes++, resolve()) }).then((w) => {
        watcher = w;
        replace('{"accounts":[{"id":"from-cli"}]}');
        writeFileSync(file, '{"accounts":[{"id":"from-cli"}]}'); // same content again: still one change
      });
    });
    await changed;
    expect(changes).toBe(1);
  });

  it('stays quiet about our own writes once acknowledged, and about other files', async () => {
    let changes = 0;
    watcher = await watchFileChanges({ file, debounceMs: 20, onChange: () => changes++ });
    replace('{"accounts":[{"id":"ours"}]}');
    await watcher.acknowledge();
    writeFileSync(path.join(dir, 'settings.json'), '{}');
    expect(await watcher.check()).toBe(false);
    replace('{"accounts":[]}');
    expect(await watcher.check()).toBe(true);
    expect(await watcher.check()).toBe(false);
    expect(changes).toBe(1);
  });

  it('notices the file appearing and disappearing', async () => {
    rmSync(file);
    let changes = 0;
    watcher = await watchFileChanges({ file, debounceMs: 20, onChange: () => changes++ });
    replace('{"accounts":[]}');
    expect(await watcher.check()).toBe(true);
    rmSync(file);
    expect(await watcher.check()).toBe(true);
    expect(changes).toBe(2);
  });
});
