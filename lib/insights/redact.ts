/** Looks like an IPv6 address: has `::`, or five or more colons between hex groups. */
const isIpv6 = (text: string) => /^[0-9a-f:.]+$/i.test(text) && /[0-9a-f]/i.test(text) && (text.includes('::') || text.split(':').length >= 6);

/**
 * A search query with every host name and IP address replaced by `[host]`: staff paste
 * customers' hosts and addresses into search, and only admins may see them in insights.
 * Errs on the side of hiding: a dotted lower-case name (`java.net`) counts as a host too.
 */
export function redactHosts(query: string): string {
  return query
    .replace(/\[?[0-9a-f:.]*:[0-9a-f:.]*(?:%\w+)?\]?/gi, (match) => (isIpv6(match.replace(/^\[|\]$|%\w+/g, '')) ? '[host]' : match))
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '[host]')
    .replace(/\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[a-z][a-z0-9-]{1,62}\b/g, '[host]');
}
