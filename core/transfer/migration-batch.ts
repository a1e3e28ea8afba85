/**
 * A multi-part Google Authenticator export (one QR code per ≤ 10 accounts).
 * Parts arrive in any order, the same part may be scanned twice, and a
 * part of another export must not mix in. The collector keeps one batch and
 * says which parts are still missing ("2 of 3 scanned, missing part 2").
 */
import { AuthdeskError } from '../../common/errors';
import { decodeMigrationUri, type MigrationBatch } from './migration';
import type { ImportResult } from './types';

export interface BatchProgress {
  batchId: number;
  /** Parts in the export (at least 1). */
  total: number;
  /** 0-based indexes scanned so far, ascending. */
  scanned: number[];
  /** 0-based indexes still missing, ascending. */
  missing: number[];
  complete: boolean;
  /** "2 of 3 scanned (missing: part 2)". Parts are numbered from 1 for people. */
  summary: string;
}

export type AddPartOutcome = 'added' | 'duplicate';

export class MigrationCollector {
  private batchId: number | null = null;
  private total = 0;
  private readonly parts = new Map<number, MigrationBatch>();

  /** Adds one transfer URI. A part of a different export is refused (finish or reset the current one first). */
  add(uri: string): AddPartOutcome {
    const part = decodeMigrationUri(uri);
    const total = Math.max(1, part.batchSize);
    if (part.batchIndex < 0 || part.batchIndex >= total)
      throw new AuthdeskError(
        'damaged-file',
        `This transfer code says it is part ${part.batchIndex + 1} of ${total}, which cannot be.`,
      );
    if (this.batchId !== null && (part.batchId !== this.batchId || total !== this.total))
      throw new AuthdeskError(
        'bad-input',
        'This transfer code belongs to a different Google Authenticator export than the codes scanned so far.',
      );
    this.batchId = part.batchId;
    this.total = total;
    if (this.parts.has(part.batchIndex)) return 'duplicate';
    this.parts.set(part.batchIndex, part);
    return 'added';
  }

  progress(): BatchProgress {
    const scanned = [...this.parts.keys()].sort((a, b) => a - b);
    const missing = Array.from({ length: this.total }, (_, i) => i).filter((i) => !this.parts.has(i));
    const summary =
      this.total === 0
        ? 'no transfer code scanned yet'
        : `${scanned.length} of ${this.total} scanned` +
          (missing.length
            ? ` (missing: part${missing.length > 1 ? 's' : ''} ${missing.map((i) => i + 1).join(', ')})`
            : '');
    return {
      batchId: this.batchId ?? 0,
      total: this.total,
      scanned,
      missing,
      complete: this.total > 0 && !missing.length,
      summary,
    };
  }

  /** Every account of every part, in part order. Throws (with the summary) while parts are missing. */
  result(): ImportResult {
    const progress = this.progress();
    if (!progress.complete)
      throw new AuthdeskError('bad-input', `This Google Authenticator export is incomplete: ${progress.summary}.`);
    return this.scannedResult();
  }

  /** The accounts of the parts scanned so far (for adding an export part by part). */
  scannedResult(): ImportResult {
    const parts = this.progress().scanned.map((i) => this.parts.get(i)!.result);
    return {
      format: 'migration',
      formatName: 'Google Authenticator transfer',
      entries: parts.flatMap((p) => p.entries),
      problems: parts.flatMap((p, i) =>
        p.problems.map((q) => ({ ...q, where: this.total > 1 ? `part ${i + 1}, ${q.where}` : q.where })),
      ),
    };
  }
}
