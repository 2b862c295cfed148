/** Parses `MODULES` (default `all`) against the modules this build knows. */
export function hostedModules(setting: string, known: readonly string[]): string[] {
  const requested = setting
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (requested.length === 0 || requested.includes('all')) return [...known];
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(`MODULES names unknown modules: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  }
  return known.filter((name) => requested.includes(name));
}
