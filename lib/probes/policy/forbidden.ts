import 'server-only';
/** Thrown when the target policy refuses an address: the API answers 403 TARGET_FORBIDDEN. */
export class TargetForbiddenError extends Error {
  /** What was refused, as the caller named it: a host, or `resolver`. */
  readonly subject: string;
  /** The refused address (canonical form). */
  readonly address: string;
  /** The range or rule that refused it, e.g. `loopback`, `private`, `PROBE_DENY`. */
  readonly reason: string;

  constructor(subject: string, address: string, reason: string) {
    const which = subject === address || subject === `[${address}]` ? address : `${subject} (${address})`;
    super(`${which} is in a range probes may not reach (${reason})`);
    this.name = 'TargetForbiddenError';
    this.subject = subject;
    this.address = address;
    this.reason = reason;
  }
}

/** Thrown when the policy refuses a field's value as such (not an address range): the API answers 400 naming `field`. */
export class FieldRefusedError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'FieldRefusedError';
    this.field = field;
  }
}
