import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFile, spawnSync } from 'node:child_process';

/**
 * Proves the boundary rules bite: each snippet is linted as if it lived in the named lib.
 * Runs ESLint for real against the workspace's project graph and eslint.config.mjs.
 */
const root = join(__dirname, '../..');

/** Without Nx's project graph the rule skips itself with only a warning: that must fail here. */
function parseEslintJson(stdout: string): { filePath: string; messages: { ruleId: string; message: string }[] }[] {
  if (stdout.includes('No cached ProjectGraph')) throw new Error('The boundary rule was skipped: no Nx project graph (run `nx show projects` first)');
  return JSON.parse(stdout.slice(stdout.indexOf('[{')));
}

/** Runs the real ESLint CLI (as CI does) on a snippet placed, virtually, at `fileInLib`. */
function boundaryErrors(fileInLib: string, code: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      join(root, 'node_modules/.bin/eslint'),
      ['--stdin', '--stdin-filename', join(root, fileInLib), '--format', 'json'],
      { cwd: root },
      (error, stdout) => {
        try {
          const [result] = parseEslintJson(stdout);
          resolve(result.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message));
        } catch (parseError) {
          reject(new Error(`${String(parseError)}\n${error ? String(error) : ''}\n${stdout.slice(0, 500)}`));
        }
      },
    );
    child.stdin?.end(code);
  });
}

/** Files with at least one boundary error. */
function lintFiles(files: string[]): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    execFile(
      join(root, 'node_modules/.bin/eslint'),
      ['--no-ignore', '--format', 'json', ...files],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        try {
          const results = parseEslintJson(stdout);
          resolve(
            new Set(
              results
                .filter((result) => result.messages.some((message) => message.ruleId === '@nx/enforce-module-boundaries'))
                .map((result) => result.filePath),
            ),
          );
        } catch (parseError) {
          reject(new Error(`${String(parseError)}\n${error ? String(error) : ''}\n${stdout.slice(0, 500)}`));
        }
      },
    );
  });
}

/** A command's standard output; `git grep` exits 1 when it finds nothing. */
function execFileSyncText(command: string, args: string[]): string {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8' }).stdout;
}

const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = Object.keys(tsconfig.compilerOptions.paths) as string[];
const contextLibs = aliases
  .map((alias) => /^@tall\/(?!platform\/)([^/]+)\/([^/]+)$/.exec(alias))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([alias, context, layer]) => ({ alias, context, layer }));

describe('module boundaries', () => {
  it('lets a context use platform libs and its own layers', async () => {
    expect(
      await boundaryErrors(
        'libs/system/infrastructure/src/lib/probe.ts',
        "import { loadConfig } from '@tall/platform/config';\nimport { SystemTopics } from '@tall/system/contracts';\nexport const probe = [loadConfig, SystemTopics];\n",
      ),
    ).toEqual([]);
  });

  it('forbids platform libs from depending on a context', async () => {
    const errors = await boundaryErrors(
      'libs/platform/config/src/lib/probe.ts',
      "import { SystemTopics } from '@tall/system/contracts';\nexport const probe = SystemTopics;\n",
    );
    expect(errors).toEqual([expect.stringContaining('scope:platform')]);
  });

  it('keeps contracts framework-free and independent of other layers', async () => {
    const errors = await boundaryErrors(
      'libs/system/contracts/src/lib/probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { SystemModule } from '@tall/system/infrastructure';\nexport const probe = [Injectable, SystemModule];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('fails every import from one context into another context\'s non-contracts lib', async () => {
    const contexts = [...new Set(contextLibs.map((lib) => lib.context))];
    const probes: { file: string; description: string }[] = [];
    for (const source of contexts) {
      if (!contextLibs.some((lib) => lib.context === source && lib.layer === 'infrastructure')) continue;
      for (const target of contextLibs.filter((lib) => lib.context !== source && lib.layer !== 'contracts')) {
        const file = join(root, `libs/${source}/infrastructure/src/lib/__boundary_probe_${probes.length}.ts`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `import * as other from '${target.alias}';\nexport const probe = other;\n`);
        probes.push({ file, description: `${source} → ${target.alias}` });
      }
    }
    try {
      // One ESLint run over every probe file: a process per pair would take minutes.
      const flagged = await lintFiles(probes.map((probe) => probe.file));
      const allowed = probes.filter((probe) => !flagged.has(probe.file)).map((probe) => `${probe.description} was allowed`);
      expect(contexts.length).toBeGreaterThanOrEqual(2);
      expect(probes.length).toBeGreaterThan(0);
      expect(allowed).toEqual([]);
    } finally {
      probes.forEach((probe) => rmSync(probe.file, { force: true }));
    }
  });

  it('lets domain code use the kernel (calendar, event contracts, domain errors) and nothing else of the platform', async () => {
    expect(
      await boundaryErrors(
        'libs/progress/domain/src/lib/probe.ts',
        "import { dayOf } from '@tall/platform/calendar';\nimport { DomainError } from '@tall/platform/errors';\nimport { createEvent } from '@tall/platform/event-contracts';\nexport const probe = [dayOf, DomainError, createEvent];\n",
      ),
    ).toEqual([]);
    const errors = await boundaryErrors(
      'libs/progress/domain/src/lib/probe.ts',
      "import { ScheduledJobs } from '@tall/platform/scheduling';\nexport const probe = ScheduledJobs;\n",
    );
    expect(errors).toEqual([expect.stringContaining('type:domain')]);
  });

  it('keeps the kernel free of the rest of the platform and of frameworks', async () => {
    const errors = await boundaryErrors(
      'libs/platform/calendar/src/lib/probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { loadConfig } from '@tall/platform/config';\nexport const probe = [Injectable, loadConfig];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('keeps HTTP out of the application layer', async () => {
    const errors = await boundaryErrors(
      'libs/vocabulary/application/src/lib/probe.ts',
      "import { errors } from '@tall/platform/http';\nexport const probe = errors;\n",
    );
    expect(
      await boundaryErrors('libs/vocabulary/application/src/lib/probe.ts', "import { AccessTokenIssuer } from '@tall/platform/auth';\nexport const probe = AccessTokenIssuer;\n"),
    ).toEqual([expect.stringContaining('type:application')]);
    expect(errors).toEqual([expect.stringContaining('type:application')]);
    expect(
      await boundaryErrors(
        'libs/vocabulary/infrastructure/src/lib/probe.ts',
        "import { errors } from '@tall/platform/http';\nexport const probe = errors;\n",
      ),
    ).toEqual([]);
  });

  it('has no file that switches the boundary rule off', () => {
    const output = execFileSyncText('git', ['grep', '-l', 'eslint-disable.*enforce-module-boundaries', '--', 'apps', 'libs', 'clients', 'tools', ':!tools/lint']);
    expect(output.trim()).toBe('');
  });

  it('keeps learning contexts away from personal data, even pii contracts', async () => {
    const errors = await boundaryErrors(
      'libs/lobby/infrastructure/src/lib/probe.ts',
      "import * as pii from '@tall/pii/contracts';\nexport const probe = pii;\n",
    );
    expect(errors).toEqual([expect.stringContaining('scope:pii')]);
  });

  it('allows another context\'s contracts', async () => {
    const errors = await boundaryErrors(
      'libs/profile/infrastructure/src/lib/probe.ts',
      "import * as pii from '@tall/pii/contracts';\nexport const probe = pii;\n",
    );
    expect(errors).toEqual([]);
  });
});
