/**
 * Quitting with a backup still waiting for its quiet period (a change made
 * seconds before Quit) writes it first: the quit waits for the flush, then
 * goes on. A failed flush never blocks quitting (its error is in the status).
 */
import type { App } from 'electron';

export function flushBackupOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  backup: { busy(): boolean; flush(): Promise<void> },
): void {
  let state: 'idle' | 'flushing' | 'done' = 'idle';
  app.on('before-quit', (event) => {
    // Nothing waiting: quit at once (the other before-quit handlers decide for themselves).
    if (state === 'done' || (state === 'idle' && !backup.busy())) return;
    event.preventDefault();
    if (state === 'flushing') return; // a second Quit while writing: the running flush quits when done
    state = 'flushing';
    void backup
      .flush()
      .catch(() => undefined)
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
}
