/**
 * Runs once before the smoke files: says in ONE line why the suite is
 * skipped (no Electron binary here), or what it runs against. On Linux
 * without a display (npm test on a CI machine) it starts a private Xvfb for
 * the app windows and stops it afterwards.
 */
import type { TestProject } from 'vitest/node';
import { startXvfb, type XServer } from '../../support/xvfb';
import { smokeTarget } from './target';

declare module 'vitest' {
  export interface ProvidedContext {
    smokeSkip: string | null;
    /** The X display the app should use (Linux), or null to keep the environment's own. */
    smokeDisplay: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const target = smokeTarget();
  project.provide('smokeDisplay', null);
  if ('skip' in target) {
    console.log(`[smoke] skipped: no Electron binary to run: ${target.skip}.`);
    project.provide('smokeSkip', target.skip);
    return;
  }
  project.provide('smokeSkip', null);
  let xvfb: XServer | undefined;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    xvfb = await startXvfb();
    project.provide('smokeDisplay', xvfb.display);
  }
  console.log(
    `[smoke] ${target.kind} app: ${target.binary}${xvfb ? ` on Xvfb ${xvfb.display}` : ''}${target.uiSkip ? ` (window checks skipped: ${target.uiSkip})` : ''}`,
  );
  return async () => {
    await xvfb?.stop();
  };
}
