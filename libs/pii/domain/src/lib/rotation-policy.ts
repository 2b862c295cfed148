const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The scheduled rotation's interval: a master key version serves 90 days. */
export const ROTATION_PERIOD_DAYS = 90;

/** After a rotation, a manual one waits this long unless forced: each creates a version kept for good. */
export const MANUAL_ROTATION_WAIT_MS = HOUR_MS;

export type ManualRotationDecision = { allowed: true } | { allowed: false; nextAllowedAt: Date };

/**
 * A manual rotation is refused within an hour of the last rotation (manual or scheduled) unless
 * forced: every rotation leaves a master key version behind in Secrets Manager, and re-wraps
 * every data key, so a repeated click or a script must not pile them up.
 */
export function decideManualRotation(lastRotationAt: Date | undefined, now: Date, force: boolean): ManualRotationDecision {
  if (force || !lastRotationAt) return { allowed: true };
  const nextAllowedAt = new Date(lastRotationAt.getTime() + MANUAL_ROTATION_WAIT_MS);
  return now.getTime() >= nextAllowedAt.getTime() ? { allowed: true } : { allowed: false, nextAllowedAt };
}

/**
 * The scheduled rotation is due once the newest key material is 90 days old: `since` is the later
 * of the last recorded rotation (any instance, manual or scheduled) and the current version's
 * creation. So the daily check rotates at most once per interval, even when it runs again (a
 * forced re-run, another instance whose cached current version is still the old one).
 */
export function scheduledRotationDue(since: Date | undefined, now: Date): boolean {
  return since !== undefined && now.getTime() - since.getTime() >= ROTATION_PERIOD_DAYS * DAY_MS;
}
