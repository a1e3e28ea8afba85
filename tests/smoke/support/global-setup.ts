/**
 * Runs once before the smoke files: says in ONE line why the suite is
 * skipped (no Electron binary here), or what it runs against.
 */
import type { TestProject } from 'vitest/node';
import { smokeTarget } from './target';

declare module 'vitest' {
  export interface ProvidedContext {
    smokeSkip: string | null;
  }
}

export default function setup(project: TestProject): void {
  const target = smokeTarget();
  if ('skip' in target) {
    console.log(`[smoke] skipped: no Electron binary to run: ${target.skip}.`);
    project.provide('smokeSkip', target.skip);
    return;
  }
  console.log(
    `[smoke] ${target.kind} app: ${target.binary}${target.uiSkip ? ` (window checks skipped: ${target.uiSkip})` : ''}`,
  );
  project.provide('smokeSkip', null);
}
