/** Topics the pii context publishes (names from the school's specification). */
export const PiiTopics = {
  /**
   * pii's audit log: every read of personal data (who read which fields of whom, and why, never
   * the values) and every master key rotation (who, why, forced or not).
   */
  accessLog: 'pii.access.log',
  /** Changes to a user's personal data: field names and the email blind index, never values. */
  events: 'user.pii.events.v1',
} as const;

export const PII_MODULE = { name: 'pii', publishes: [PiiTopics.accessLog, PiiTopics.events] } as const;
