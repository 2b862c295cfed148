import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';

const contexts = ['profile', 'pii', 'lobby', 'vocabulary', 'reader', 'listening', 'exercises', 'admin', 'progress', 'system'];
// Learning contexts never see personal data, not even pii's contracts. Progress is not one of them:
// the teacher dashboard shows names, read through pii's query contract with a stated purpose.
const learningContexts = new Set(['vocabulary', 'reader', 'listening', 'exercises', 'lobby']);
const serverOnly = ['@nestjs/*', 'typeorm', 'mongoose', 'mongodb', 'kafkajs', 'pg', 'fastify', '@fastify/*'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.stack', 'tmp', '**/fixtures/lint/**', 'coverage'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          checkDynamicDependenciesExceptions: [],
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'scope:platform'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            ...contexts.map((context) => ({
              sourceTag: `scope:${context}`,
              onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:platform', 'type:contracts'],
              ...(learningContexts.has(context) ? { notDependOnLibsWithTags: ['scope:pii'] } : {}),
            })),
            // The kernel: framework-free platform code (event and call contracts, the school's calendar,
            // the domain-error base) that every layer, domain included, may use.
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'], bannedExternalImports: serverOnly },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel'], bannedExternalImports: serverOnly },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:kernel'], bannedExternalImports: serverOnly },
            // Use cases know nothing of HTTP: they throw typed domain errors that each context's
            // infrastructure maps to statuses. `type:http` (platform/http, platform/auth: the HTTP
            // edge) is for infrastructure and the platform only.
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contracts', 'type:kernel', 'type:util'] },
            {
              sourceTag: 'type:infrastructure',
              onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:contracts', 'type:kernel', 'type:util', 'type:http'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:kernel', 'type:http'] },
            { sourceTag: 'type:http', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:kernel', 'type:http'] },
            { sourceTag: 'platform:web', bannedExternalImports: serverOnly },
            // The web client's libraries and app see only each other: the API reaches them through HTTP and generated types.
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client'] },
          ],
        },
      ],
    },
  },
  // The web client: Angular's recommended rules, and its templates checked for accessibility.
  ...angular.configs.tsRecommended.map((config) => ({ ...config, files: ['clients/web/**/*.ts'] })),
  {
    files: ['clients/web/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'tall', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'tall', style: 'camelCase' }],
    },
  },
  ...[...angular.configs.templateRecommended, ...angular.configs.templateAccessibility].map((config) => ({ ...config, files: ['clients/web/**/*.html'] })),
];
