import type { ViewingPosition } from '@tall/listening/contracts';
import type { Viewing } from '@tall/listening/domain';

export function positionOf(viewing: Viewing): ViewingPosition {
  return { positionSeconds: viewing.positionSeconds, watchedSeconds: viewing.watchedSeconds, completed: viewing.completed, updatedAt: viewing.updatedAt.toISOString() };
}
