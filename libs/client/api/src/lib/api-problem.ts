/** The API's error envelope, as every endpoint answers it. */
export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/**
 * A refusal or failure the UI can explain: the envelope's code and message, the HTTP status, and
 * what some codes carry (the wait of a lockout, the minimum version of a 426). `status` 0 means the
 * API could not be reached at all.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  static network(cause?: unknown): ApiProblem {
    const problem = new ApiProblem(0, 'NETWORK_ERROR', 'Tall cannot be reached. Check your connection and try again.');
    if (cause !== undefined) (problem as { cause?: unknown }).cause = cause;
    return problem;
  }

  /** Reads the envelope of a failed response (already parsed, or from the body). */
  static async fromResponse(response: Response, parsed?: unknown): Promise<ApiProblem> {
    let body = parsed;
    if (body === undefined) {
      try {
        body = await response.clone().json();
      } catch {
        body = undefined;
      }
    }
    const envelope = isEnvelope(body) ? body : undefined;
    // Not the API's answer: a service worker or a proxy that could not reach it (Angular's worker
    // answers 504 with an empty body when the network is gone). The same as no network at all.
    if (!envelope && (response.status === 502 || response.status === 504)) return ApiProblem.network();
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiProblem(
      response.status,
      envelope?.code ?? `HTTP_${response.status}`,
      envelope?.message ?? (response.statusText || `The request failed (${response.status})`),
      envelope?.details,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      envelope?.correlationId,
    );
  }

  /** Per-field messages of a 400 VALIDATION_FAILED, keyed by the field's path (`email`, `reviews.0.answer`). */
  fieldErrors(): Record<string, string> {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    const byField: Record<string, string> = {};
    if (!Array.isArray(fields)) return byField;
    for (const item of fields as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof item.field === 'string' && typeof item.message === 'string' && !(item.field in byField)) byField[item.field] = item.message;
    }
    return byField;
  }
}

export function isEnvelope(value: unknown): value is ErrorEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as ErrorEnvelope).code === 'string' && typeof (value as ErrorEnvelope).message === 'string';
}
