/** A probe's target host, canonical as in a ProbeRequest: lower-case name, dotted-quad IPv4 or IPv6 without brackets. */
export interface HostTarget {
  host: string;
}

/** A host and the port to connect to. */
export interface PortTarget extends HostTarget {
  port: number;
}
