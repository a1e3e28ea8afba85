/** Turns a core ImportPreview (which holds secrets) into what the renderer may see: labels and parameters. */
import { accountPreview } from '../../core/otp/index';
import { accountLabel } from '../../core/vault/labels';
import type { BatchProgress, ImportPreview } from '../../core/transfer/index';
import type { ImportPreviewView, TransferProgress } from '../../common/transfer-import';

export function previewView(preview: ImportPreview): ImportPreviewView {
  return {
    format: preview.format,
    formatName: preview.formatName,
    items: preview.items.map((item) => ({
      ...accountPreview(item.entry),
      ...(item.entry.groups?.length ? { groups: [...item.entry.groups] } : {}),
      duplicateOf: item.duplicateOf ? accountLabel(item.duplicateOf) : null,
      repeatsEntry: item.repeatsEntry,
      include: item.include,
    })),
    problems: preview.problems.map(({ where, label, message }) => ({ where, label, message })),
  };
}

export function progressView(progress: BatchProgress): TransferProgress {
  const { total, scanned, missing, complete } = progress;
  return { total, scanned: [...scanned], missing: [...missing], complete };
}
