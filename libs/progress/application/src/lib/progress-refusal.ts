/** Why progress refuses a request; the controllers map it to the error envelope. */
export type ProgressRefusalCode = 'FORBIDDEN' | 'STUDENT_NOT_FOUND';

export class ProgressRefusal extends Error {
  constructor(
    readonly code: ProgressRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProgressRefusal';
  }
}
