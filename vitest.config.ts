import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Four projects, one command. Keychain tests need the private Secret Service
// that `scripts/test.mjs` starts; browser tests need Debian's chromium; the
// smoke suite needs the real Electron binary (skipped, in one line, without it;
// `npm run test:smoke` runs it alone).
// expect.poll gives up after 1 s by default: on a loaded CI machine a page can take longer to
// show what main answered. Waiting longer only slows down a test that fails anyway.
const expectOptions = { poll: { timeout: 10_000 } };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/security/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          expect: expectOptions,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
          expect: expectOptions,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          expect: expectOptions,
          // Each file drives its own Chromium; two at once fill the two cores.
          maxWorkers: 2,
          // Browser suites run after the quick ones (a project with its own
          // worker count needs its own group).
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'smoke',
          environment: 'node',
          include: ['tests/smoke/**/*.test.ts'],
          globalSetup: ['tests/smoke/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Electron app at a time: each file starts its own.
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
