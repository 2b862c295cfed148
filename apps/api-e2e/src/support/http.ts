/** Response bodies in black-box tests are asserted field by field, so they are read untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function jsonOf(response: Response): Promise<Json> {
  return response.json();
}
