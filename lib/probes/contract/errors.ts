/** Codes of the probe API's answers other than 200. */
export type ProbeErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHORIZED'
  | 'TARGET_FORBIDDEN'
  | 'METHOD_NOT_ALLOWED'
  | 'CROSS_SITE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_TIMEOUT'
  | 'RATE_LIMITED'
  | 'BUSY'
  | 'PROBE_FAILED'
  | 'PROBE_MISCONFIGURED'
  | 'UNAVAILABLE';

/** The `error` of every answer but 200; `field` names the request field at fault (400, 403, 408, 413, 415). */
interface ProbeError {
  code: ProbeErrorCode;
  message: string;
  field?: string;
}

/** A 400: which field of the request was wrong and why; `message` starts with the field's name. */
export interface ProbeInputError extends ProbeError {
  code: 'INVALID_INPUT';
  field: string;
}
