/**
 * The methods each route path answers, collected as routes are registered, so that a known path
 * asked with another method answers 405 with `Allow` (RFC 9110) instead of 404.
 *
 * Paths are matched the way the router matches them: `:name` stands for one non-empty segment, and
 * a path spelled out by a route (`/my-words/reviews`) is that route's alone, even where a
 * parametric one (`/my-words/:id`) would also match it, as the OpenAPI document lists them.
 * Wildcard routes (the web client's `/*`) are left out: they answer every path, which would make
 * every unknown path "known".
 */
export class AllowedMethods {
  private readonly parametric: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(methods: string | readonly string[], url: string): void {
    if (url.includes('*')) return;
    const path = trimSlashes(url);
    let known = this.byUrl.get(path);
    if (!known) {
      known = new Set();
      this.byUrl.set(path, known);
      if (path.includes(':')) this.parametric.push({ pattern: patternOf(path), methods: known });
    }
    for (const method of typeof methods === 'string' ? [methods] : methods) known.add(method.toUpperCase());
  }

  /** The methods routes of this path answer (HEAD left out: it follows GET), sorted; empty for an unknown path. */
  of(path: string): string[] {
    const trimmed = trimSlashes(path.split(/[?#]/)[0]);
    const methods = new Set(this.byUrl.get(trimmed) ?? []);
    if (methods.size === 0) {
      for (const route of this.parametric) if (route.pattern.test(trimmed)) route.methods.forEach((method) => methods.add(method));
    }
    methods.delete('HEAD');
    return [...methods].sort();
  }

  /** The methods to name in a 405 when this request's path is known but not for its method; undefined otherwise. */
  refusing(method: string, path: string): string[] | undefined {
    const methods = this.of(path);
    const asked = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    return methods.length === 0 || methods.includes(asked) ? undefined : methods;
  }
}

function trimSlashes(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
