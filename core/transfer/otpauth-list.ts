/**
 * Text files of key links, one per line: plain lists, Ente Auth's plain
 * export (which adds `codeDisplay=` JSON we ignore), and files of Google
 * Authenticator transfer links. Blank lines and `#` comments are skipped;
 * a broken line is a problem of that line only.
 */
import { AuthdeskError } from '../../common/errors';
import { parseOtpauthUri } from '../otp/uri-parse';
import { EntryCollector } from './entry';
import { isMigrationUri } from './migration';
import { MigrationCollector } from './migration-batch';
import type { Importer, ImportInput } from './types';

function contentLines(input: ImportInput): { line: string; number: number }[] {
  if (input.text === null || input.json !== undefined) return [];
  return input.text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
}

const isKeyLink = (line: string) => /^(otpauth|steam):\/\//i.test(line);

export const otpauthListImporter: Importer = {
  id: 'otpauth',
  name: 'list of otpauth:// links',
  detect(input) {
    const lines = contentLines(input);
    return (
      lines.length > 0 &&
      lines.some((l) => isKeyLink(l.line)) &&
      lines.every((l) => isKeyLink(l.line) || isMigrationUri(l.line))
    );
  },
  async parse(input) {
    const lines = contentLines(input);
    if (!lines.length) throw new AuthdeskError('damaged-file', `${input.source} holds no otpauth:// links.`);
    const found = new EntryCollector();
    for (const { line, number } of lines) {
      if (isMigrationUri(line)) {
        const part = new MigrationCollector();
        found.add(`line ${number}`, {}, () => {
          part.add(line);
          const { entries, problems } = part.result();
          found.entries.push(...entries);
          found.problems.push(...problems.map((p) => ({ ...p, where: `line ${number}, ${p.where}` })));
          return null;
        });
        continue;
      }
      found.add(`line ${number}`, {}, () => parseOtpauthUri(line));
    }
    return { format: 'otpauth', formatName: 'list of otpauth:// links', ...found };
  },
};

/** A text of Google Authenticator transfer links only (e.g. all parts of one export): every part must be there. */
export const migrationImporter: Importer = {
  id: 'migration',
  name: 'Google Authenticator transfer',
  detect(input) {
    const lines = contentLines(input);
    return lines.length > 0 && lines.every((l) => isMigrationUri(l.line));
  },
  async parse(input) {
    const lines = contentLines(input);
    if (!lines.length) throw new AuthdeskError('damaged-file', `${input.source} holds no transfer links.`);
    const collectors: MigrationCollector[] = [];
    for (const { line } of lines) {
      // Several exports in one file are fine; each must be complete.
      let placed = false;
      for (const c of collectors) {
        try {
          c.add(line);
          placed = true;
          break;
        } catch (err) {
          if (!(err instanceof AuthdeskError) || err.code !== 'bad-input') throw err;
        }
      }
      if (!placed) {
        const c = new MigrationCollector();
        c.add(line);
        collectors.push(c);
      }
    }
    const results = collectors.map((c) => c.result());
    return {
      format: 'migration',
      formatName: 'Google Authenticator transfer',
      entries: results.flatMap((r) => r.entries),
      problems: results.flatMap((r) => r.problems),
    };
  },
};
