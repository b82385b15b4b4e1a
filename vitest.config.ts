import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two projects, both run by `npm run test:unit` (one JSON report): `unit`, plain Node tests of lib/,
 * components and scripts; and `wxt`, tests of the extension's browser glue under WXT's Vitest plugin
 * (its aliases and auto-imports, `browser` as the in-memory fakeBrowser).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'components/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'wxt',
          include: ['tests/wxt/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
