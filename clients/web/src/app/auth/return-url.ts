/** Only a path inside the app: never another origin (`//evil.example`, `https://…`). */
export function safeReturnUrl(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
