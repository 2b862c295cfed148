// One Jest run for the whole workspace: starting Jest once is far cheaper on 2 cores than once per project.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const swc = ['@swc/jest', require('./tools/jest/swc-options')];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // jose 6 and content-disposition 3 (used by @fastify/static) ship only ES modules, which Jest's
  // CommonJS runtime cannot require on Node 20: compile them too. @fastify/cookie loads its ESM-only
  // `cookie` with a dynamic import(), which Jest's runtime refuses: compiled, it becomes a require.
  transform: { '^.+\\.ts$': swc, '/node_modules/(jose|content-disposition|@fastify/cookie|cookie)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition|@fastify/cookie|cookie)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  // The web client's libraries run in a browser and are tested by the web client's own runner (Vitest).
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.stack/', '/fixtures/', '/libs/client/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.outage\\.spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts', '<rootDir>/apps/api-e2e/**/*.e2e.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-timeout.js'],
    },
    {
      // Tests that stop real servers: run alone, after the rest (`jest --selectProjects outage --runInBand`).
      ...common,
      displayName: 'outage',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.outage.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-timeout.js'],
    },
  ],
};
