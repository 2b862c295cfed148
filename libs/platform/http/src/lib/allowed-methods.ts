/**
 * The methods each route path answers, collected as routes are registered, so that a known path
 * asked with another method answers 405 with `Allow` (RFC 9110) instead of 404.
 *
 * Paths are matched the way the router matches them: `:name` stands for one non-empty segment.
 * Wildcard routes (the web client's `/*`) are left out: they answer every path, which would make
 * every unknown path "known".
 */
export class AllowedMethods {
  private readonly routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(methods: string | readonly string[], url: string): void {
    if (url.includes('*')) return;
    const path = url.length > 1 ? url.replace(/\/+$/, '') : url;
    let known = this.byUrl.get(path);
    if (!known) {
      known = new Set();
      this.byUrl.set(path, known);
      this.routes.push({ pattern: patternOf(path), methods: known });
    }
    for (const method of typeof methods === 'string' ? [methods] : methods) known.add(method.toUpperCase());
  }

  /** The methods routes of this path answer (HEAD left out: it follows GET), sorted; empty for an unknown path. */
  of(path: string): string[] {
    const bare = path.split(/[?#]/)[0];
    const trimmed = bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(trimmed)) route.methods.forEach((method) => methods.add(method));
    methods.delete('HEAD');
    return [...methods].sort();
  }
}

function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
