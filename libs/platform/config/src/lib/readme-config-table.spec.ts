import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appConfigSchema } from './app-config.schema';

describe('README configuration table', () => {
  it('documents exactly the variables the app reads', () => {
    const readme = readFileSync(join(__dirname, '../../../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Architecture'));
    const documented = new Set(
      section
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1])),
    );
    const read = Object.keys(appConfigSchema.shape);
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !read.includes(name))).toEqual([]);
  });
});
