import type { JsonSchema } from './event-registry';

/**
 * Backward compatibility in the schema-registry sense: a consumer built against `next`
 * must still read every event written under `previous`. So `next` may drop fields, add
 * optional fields and widen types or enums; it may not add required fields, narrow a type,
 * drop enum values or add constraints that old events could break.
 * Returns the problems found (empty when compatible).
 */
export function findBackwardIncompatibilities(previous: JsonSchema, next: JsonSchema): string[] {
  const problems: string[] = [];
  compare(previous, next, '$', problems);
  return problems;
}

type Schema = Record<string, unknown>;

const CONSTRAINTS = ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'multipleOf'] as const;

function compare(previous: Schema, next: Schema, path: string, problems: string[]): void {
  const nextOptions = alternatives(next);
  const previousOptions = alternatives(previous);
  if (nextOptions || previousOptions) {
    for (const option of previousOptions ?? [previous]) {
      const candidates = nextOptions ?? [next];
      const fits = candidates.some((candidate) => {
        const trial: string[] = [];
        compare(option, candidate, path, trial);
        return trial.length === 0;
      });
      if (!fits) problems.push(`${path}: a value allowed before (${describe(option)}) is no longer accepted`);
    }
    return;
  }
  if (Object.keys(next).length === 0) return; // anything goes

  const previousTypes = types(previous);
  const nextTypes = types(next);
  if (nextTypes && previousTypes) {
    for (const type of previousTypes) {
      const widened = type === 'integer' && nextTypes.includes('number');
      if (!nextTypes.includes(type) && !widened) {
        problems.push(`${path}: type ${type} is no longer accepted (now ${nextTypes.join('|')})`);
      }
    }
  } else if (nextTypes && !previousTypes) {
    problems.push(`${path}: now restricted to type ${nextTypes.join('|')}`);
  }

  compareValues(previous, next, path, problems);

  for (const constraint of CONSTRAINTS) {
    if (next[constraint] !== undefined && next[constraint] !== previous[constraint]) {
      problems.push(`${path}: constraint ${constraint} added or changed`);
    }
  }

  if (isObjectSchema(previous) || isObjectSchema(next)) compareObjects(previous, next, path, problems);
  if (next['items'] && previous['items']) {
    compare(previous['items'] as Schema, next['items'] as Schema, `${path}[]`, problems);
  }
}

function compareValues(previous: Schema, next: Schema, path: string, problems: string[]): void {
  const previousValues = allowedValues(previous);
  const nextValues = allowedValues(next);
  if (!nextValues) return;
  if (!previousValues) {
    problems.push(`${path}: now restricted to ${JSON.stringify(nextValues)}`);
    return;
  }
  for (const value of previousValues) {
    if (!nextValues.some((candidate) => JSON.stringify(candidate) === JSON.stringify(value))) {
      problems.push(`${path}: value ${JSON.stringify(value)} is no longer accepted`);
    }
  }
}

function compareObjects(previous: Schema, next: Schema, path: string, problems: string[]): void {
  const previousProps = (previous['properties'] ?? {}) as Record<string, Schema>;
  const nextProps = (next['properties'] ?? {}) as Record<string, Schema>;
  const previousRequired = new Set((previous['required'] ?? []) as string[]);
  for (const name of (next['required'] ?? []) as string[]) {
    if (!previousRequired.has(name)) {
      problems.push(`${path}.${name}: required now, but events written before may lack it`);
    }
  }
  for (const [name, schema] of Object.entries(nextProps)) {
    if (previousProps[name]) compare(previousProps[name], schema, `${path}.${name}`, problems);
  }
  if (next['additionalProperties'] === false) {
    for (const name of Object.keys(previousProps)) {
      if (!nextProps[name]) problems.push(`${path}.${name}: removed while unknown fields are rejected`);
    }
  }
}

function alternatives(schema: Schema): Schema[] | undefined {
  return (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
}

function types(schema: Schema): string[] | undefined {
  const type = schema['type'];
  if (type === undefined) return undefined;
  return Array.isArray(type) ? (type as string[]) : [type as string];
}

function allowedValues(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema['enum'])) return schema['enum'] as unknown[];
  if ('const' in schema) return [schema['const']];
  return undefined;
}

function isObjectSchema(schema: Schema): boolean {
  return schema['type'] === 'object' || 'properties' in schema;
}

function describe(schema: Schema): string {
  return JSON.stringify(schema).slice(0, 80);
}
