import 'server-only';
import { safeParse, type $ZodError, type $ZodType, type output } from 'zod/v4/core';
import { errorResponse, readJsonBody } from './json';

/** 400 naming the first field that is wrong, e.g. `target.port must be a whole number from 1 to 65535`. */
export function invalidInput(error: $ZodError): Response {
  const [issue] = error.issues;
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0]].join('.');
    return errorResponse(400, 'INVALID_INPUT', `${field} is not a known field`, { field });
  }
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return errorResponse(400, 'INVALID_INPUT', `${field} ${issue.message}`, { field });
}

/**
 * The JSON body (at most `maxBytes`) checked against `schema`, or the 4xx response: 413/408/415
 * from readJsonBody, 400 naming the field from {@link invalidInput}. Messages come from the schema,
 * which may be a `zod` or a `zod/mini` one.
 */
export async function readValidJson<T extends $ZodType>(request: Request, schema: T, maxBytes: number): Promise<{ ok: true; value: output<T> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) return body;
  const parsed = safeParse(schema, body.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: invalidInput(parsed.error) };
}
