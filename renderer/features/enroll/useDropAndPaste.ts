/**
 * Document-level drag & drop and paste. Drops of files anywhere on the window
 * and pastes of a screenshot or an otpauth link (outside ordinary text
 * fields) become enrollment input. `dragging` drives the drop-zone overlay.
 */
import { useLatest } from '../../components/useLatest';
import { useEffect, useState } from 'react';
import { isEnrollPasteTarget, readTransfer } from '../../scan/capture';

export interface DropAndPasteHandlers {
  onFiles(files: File[], how: 'drop' | 'paste'): void;
  onLink(text: string): void;
  /** Checked at event time: false lets another listener (or nobody) handle the input. */
  active(): boolean;
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function useDropAndPaste(handlers: DropAndPasteHandlers): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const latest = useLatest(handlers);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed: count them so the overlay does not flicker.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e) || !latest.current.active()) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e) || !latest.current.active()) return;
      e.preventDefault(); // without this the browser would open the file instead of dropping it here
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!latest.current.active()) return;
      const pasted = readTransfer(e.dataTransfer);
      if (pasted.kind === 'nothing') return;
      e.preventDefault();
      if (pasted.kind === 'images') latest.current.onFiles(pasted.files, 'drop');
      else latest.current.onLink(pasted.text);
    };
    const paste = (e: ClipboardEvent) => {
      if (!latest.current.active() || !isEnrollPasteTarget(e.target)) return;
      const pasted = readTransfer(e.clipboardData);
      if (pasted.kind === 'nothing') return;
      e.preventDefault();
      if (pasted.kind === 'images') latest.current.onFiles(pasted.files, 'paste');
      else latest.current.onLink(pasted.text);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
      document.removeEventListener('paste', paste);
    };
  }, [latest]);

  return { dragging };
}
