import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const root = join(__dirname, '../..');

/**
 * The web client against the real API and the local stack: the built app (`npm run build`) in its
 * own process with its own databases, driven through Debian's Chromium. Serial: one API, shared
 * accounts between steps of a flow, and 2 cores.
 */
export default defineConfig({
  testDir: join(__dirname, 'src'),
  testMatch: '**/*.e2e.ts',
  outputDir: join(root, 'tmp/web-e2e-results'),
  globalSetup: require.resolve('./src/support/global-setup'),
  globalTeardown: require.resolve('./src/support/global-teardown'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: join(root, 'tmp/web-e2e-results.json') }]],
  use: {
    baseURL: process.env['TALL_E2E_URL'],
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, channel: undefined } },
    {
      name: 'phone',
      // The main flow, the reader, listening, exercises and the content admin once more at a phone's size (390×844, touch).
      testMatch: ['**/main-flow.e2e.ts', '**/reader.e2e.ts', '**/listening.e2e.ts', '**/exercises.e2e.ts', '**/admin-content.e2e.ts'],
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: devices['Pixel 7'].userAgent },
    },
  ],
});
