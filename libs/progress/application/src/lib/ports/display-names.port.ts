export interface DisplayName {
  firstName: string;
  lastName: string;
}

/** Names come from the pii context. Throws when it cannot answer; leaves out ids it may not tell. */
export interface DisplayNames {
  namesOf(studentIds: readonly string[]): Promise<Map<string, DisplayName>>;
}

export const DISPLAY_NAMES = Symbol('DISPLAY_NAMES');
