import 'server-only';
import { urlTarget } from '../contract/url';
import { TargetForbiddenError } from '../policy/forbidden';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import type { Finding } from '../run/finding';
import type { PortTarget } from '../run/target';
import { requestHop, type HopAnswer } from './hop';
import { responseDetails, type RedirectStep } from './response';

/** What the HTTP probe needs: an http or https URL whose host is a valid address (as parseProbeRequest checks). */
export interface HttpTarget {
  url: URL;
}

/** Redirects followed before the probe stops. */
const MAX_REDIRECTS = 5;

/** Clock differences beyond this many seconds are reported as a warning. */
const CLOCK_SKEW_WARNING_SECONDS = 60;

/**
 * GETs the URL through the guarded connect path, following at most
 * MAX_REDIRECTS redirects by hand; every hop's host is resolved and checked
 * again, so a redirect cannot lead the probe inside the network.
 */
export async function probeHttp(target: HttpTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const redirects: RedirectStep[] = [];
  const seen = new Set<string>();
  let url = target.url;
  let where = connectTarget(url);
  for (;;) {
    seen.add(url.href);
    let hop;
    try {
      hop = await requestHop(url, where, context, deadline);
    } catch (error) {
      if (!(error instanceof TargetForbiddenError) || redirects.length === 0) throw error;
      return stopped(redirects, `${target.url.href} redirects to ${url.href}, which probes may not reach (${error.reason}); not followed.`, {
        redirectRefused: { url: url.href, address: error.address, reason: error.reason },
      });
    }
    if (!hop.ok) {
      return { ...hop.finding, details: { ...hop.finding.details, url: url.href, redirects } };
    }
    const { status, headers } = hop.exchange;
    const location = headers.location;
    if (status >= 300 && status < 400 && location) {
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return answered(hop, url, redirects, { redirectStopped: 'invalid Location' });
      }
      redirects.push({ url: url.href, status, location: next.href });
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return answered(hop, url, redirects, { redirectStopped: `unsupported scheme ${next.protocol}` });
      }
      const nextTarget = urlTarget(next);
      if ('problem' in nextTarget) return answered(hop, url, redirects, { redirectStopped: `invalid Location: host ${nextTarget.problem}` });
      if (seen.has(next.href)) {
        return stopped(redirects, `${target.url.href} redirects in a loop (back to ${next.href}).`, { redirectLoop: true }, hop);
      }
      if (redirects.length > MAX_REDIRECTS) {
        return stopped(redirects, `${target.url.href} redirected more than ${MAX_REDIRECTS} times; stopped following.`, { tooManyRedirects: true }, hop);
      }
      url = next;
      where = nextTarget;
      continue;
    }
    return answered(hop, url, redirects, {});
  }
}

/** Where the request's URL connects; the request was validated, so a bad host is a caller's bug. */
function connectTarget(url: URL): PortTarget {
  const target = urlTarget(url);
  if ('problem' in target) throw new Error(`url host ${target.problem}`);
  return target;
}

function stopped(redirects: RedirectStep[], summary: string, extra: Record<string, unknown>, hop?: HopAnswer): Finding {
  const last = redirects[redirects.length - 1];
  const details = hop ? responseDetails(hop, new URL(last.url), redirects) : { url: last.url, status: last.status, redirects };
  return { code: 'HTTP_REDIRECT', severity: 'warn', summary, details: { ...details, ...extra } };
}

function answered(hop: HopAnswer, url: URL, redirects: RedirectStep[], extra: Record<string, unknown>): Finding {
  const details = { ...responseDetails(hop, url, redirects), ...extra };
  const { status, statusText } = hop.exchange;
  const after = redirects.length ? ` after ${redirects.length} redirect${redirects.length > 1 ? 's' : ''}` : '';
  const answer = `${url.href} answered ${status}${statusText ? ` ${statusText}` : ''}${after}`;
  const skew = details.clockSkewSeconds;
  const skewed = skew !== null && Math.abs(skew) > CLOCK_SKEW_WARNING_SECONDS;
  const skewNote = skewed ? ` The server's clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} this one.` : '';
  const withDetails = (finding: Omit<Finding, 'details'>): Finding => ({ ...finding, details });

  if (status >= 500) {
    return withDetails({ code: 'HTTP_SERVER_ERROR', summary: `${answer}: the server or a proxy in front of it failed.${skewNote}` });
  }
  if (status === 429) {
    const retry = hop.exchange.headers['retry-after'];
    return withDetails({ code: 'HTTP_CLIENT_ERROR', severity: 'warn', summary: `${answer}: the client is rate limited${retry ? ` (Retry-After: ${retry})` : ''}.${skewNote}` });
  }
  if (status >= 400) {
    return withDetails({ code: 'HTTP_CLIENT_ERROR', summary: `${answer}: the server rejected the request.${skewNote}` });
  }
  if (status >= 300) {
    const why = typeof extra.redirectStopped === 'string' ? ` (not followed: ${extra.redirectStopped})` : '';
    return withDetails({ code: 'HTTP_REDIRECT', severity: 'warn', summary: `${answer}${why}.${skewNote}` });
  }
  return withDetails({
    code: 'HTTP_OK',
    severity: skewed ? 'warn' : 'ok',
    summary: `${answer}.${skewNote}`,
  });
}
