import createClient, { type Client } from 'openapi-fetch';
import { ApiProblem } from './api-problem';
import type { paths } from './api-types';

export type TallApi = Client<paths>;

/** The typed API client: every path and body checked against the API's OpenAPI document. */
export function createTallApi(baseUrl: string, fetch: (request: Request) => Promise<Response>): TallApi {
  return createClient<paths>({ baseUrl, fetch });
}

/**
 * Awaits an API call and returns its data, or throws an ApiProblem: the envelope of a refusal, or
 * NETWORK_ERROR when the API could not be reached.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw ApiProblem.network(error);
  }
  if (!result.response.ok) throw await ApiProblem.fromResponse(result.response, result.error);
  return result.data as T;
}
