// Unit tests of the web client's libraries (stores, API client, offline queue): plain TypeScript,
// run by Vitest in jsdom. The Angular app's component tests run through `ng test` in clients/web.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
const alias = Object.entries(compilerOptions.paths)
  .filter(([name]) => name.startsWith('@tall/client/'))
  // Exact names: `@tall/client/api` must not also capture `@tall/client/api/testing`.
  .map(([name, [target]]) => ({ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: join(root, target) }));

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    include: ['libs/client/**/*.spec.ts'],
    exclude: ['libs/client/api-codegen/**', '**/node_modules/**'],
    environment: 'jsdom',
    globals: true,
    setupFiles: [join(root, 'libs/client/vitest.setup.ts')],
  },
});
