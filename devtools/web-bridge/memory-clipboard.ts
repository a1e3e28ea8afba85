/**
 * The bridge's "system clipboard": what main wrote, kept in memory. The page
 * cannot see the server's memory, so the bridge client copies the text on to
 * the browser's own clipboard after codes.copy (client.ts); the handler tests
 * read it here, formats and all.
 */
import type { ClipboardPort } from '../../electron/clipboard-guard';

export interface MemoryClipboard extends ClipboardPort {
  /** The last write, every format; null after a clear. */
  entries: Record<string, string | Uint8Array> | null;
  /** Plays another app copying something. */
  setText(text: string): void;
}

export function memoryClipboard(): MemoryClipboard {
  const board: MemoryClipboard = {
    entries: null,
    write: async (entries) => void (board.entries = { ...entries }),
    readText: async () => {
      const text = board.entries?.['text/plain'];
      return typeof text === 'string' ? text : '';
    },
    clear: async () => void (board.entries = null),
    setText: (text) => void (board.entries = { 'text/plain': text }),
  };
  return board;
}
