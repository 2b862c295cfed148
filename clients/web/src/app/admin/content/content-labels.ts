import { Pipe, type PipeTransform, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { fromStore } from '../../core/store-signal';
import { AUTH_STORE } from '../../core/tall-client';

/**
 * Who did something: "you", Tall itself (the seed), or another admin by the start of their id. The
 * admin routes give ids only, and an educational admin may not read other admins' names.
 */
@Pipe({ name: 'actor', pure: false })
export class ActorPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);
  private readonly auth = fromStore(inject(AUTH_STORE));

  transform(actorId: string | null | undefined): string {
    if (!actorId) return this.transloco.translate('content.actor.system');
    if (actorId === this.auth().user?.id) return this.transloco.translate('content.actor.you');
    return this.transloco.translate('content.actor.other', { id: actorId.slice(0, 8) });
  }
}

/** A value of the content as a person reads it in a diff: text as is, none as a dash, yes/no, lists joined. */
export function contentValueText(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((inner) => contentValueText(inner, yes, no)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${key}: ${contentValueText(inner, yes, no)}`)
    .join('; ');
}
