import type { Evidence, ProbeFailure, Text } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { PROBE_CODES, probeCodeMessages, type ProbeCode } from '@/lib/probes';

/** The facts of a probe result worth saying in plain words. */
export type FactKey = 'addresses' | 'status' | 'location' | 'clockSkew' | 'protocol' | 'accepted' | 'subject' | 'names' | 'issuer' | 'validTo' | 'daysLeft' | 'error' | 'remaining';

/** Labels of the facts, in every language. */
export const FACT_LABELS: Record<FactKey, Text> = {
  addresses: { zh: '地址', en: 'Address' },
  status: { zh: 'HTTP 状态', en: 'HTTP status' },
  location: { zh: '跳转到', en: 'Redirects to' },
  clockSkew: { zh: '服务器时钟偏差', en: 'Server clock offset' },
  protocol: { zh: 'TLS 版本', en: 'TLS version' },
  accepted: { zh: '服务器接受的版本', en: 'Versions the server accepts' },
  subject: { zh: '证书主体', en: 'Certificate subject' },
  names: { zh: '证书上的名字', en: 'Names on the certificate' },
  issuer: { zh: '颁发者', en: 'Issuer' },
  validTo: { zh: '有效期至', en: 'Valid until' },
  daysLeft: { zh: '剩余天数', en: 'Days left' },
  error: { zh: '错误', en: 'Error' },
  remaining: { zh: '修好第一个问题后仍会存在', en: 'Still wrong after the first fix' },
};

/** One fact of a probe result. */
export interface Fact {
  key: FactKey;
  value: string;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function addressesOf(details: Record<string, unknown>): string[] {
  const records = asRecord(details.records);
  const fromDns = [records.A, records.AAAA].flatMap((list) => (Array.isArray(list) ? list : [])).map((record) => String(asRecord(record).address ?? record));
  const listed = Array.isArray(details.addresses) ? details.addresses.map(String) : [];
  const single = typeof details.address === 'string' ? [details.address] : [];
  return [...new Set([...single, ...listed, ...fromDns])];
}

const KNOWN_CODES = new Set<string>(Object.values(PROBE_CODES).flat());

/**
 * The problems after the first (`details.problems`, most important first, as
 * the TLS probe lists them), in plain words: what the fix the flow leads to
 * will not cure, e.g. a renewed certificate that is still self-signed.
 */
function remainingProblems(details: Record<string, unknown>, lang: Locale): string | undefined {
  if (!Array.isArray(details.problems)) return undefined;
  const codes = details.problems.map((problem) => asRecord(problem).code).filter((code): code is ProbeCode => KNOWN_CODES.has(String(code)));
  // Chinese runs sentences together; English puts a space between them.
  return codes.slice(1).map((code) => probeCodeMessages[lang][code]).join(lang === 'zh' ? '' : ' ');
}

/** The key facts of a probe result in `lang`, in display order; absent facts are left out. */
export function evidenceFacts(entry: Evidence, lang: Locale): Fact[] {
  const details = asRecord(entry.result?.details);
  const certificate = asRecord(details.certificate);
  const headers = asRecord(details.headers);
  const accepted = Object.entries(asRecord(details.versions)).filter(([, ok]) => ok === true).map(([name]) => name);
  const facts: Array<[FactKey, unknown]> = [
    ['addresses', addressesOf(details).join(', ')],
    ['status', details.status !== undefined ? `${details.status}${details.statusText ? ` ${details.statusText}` : ''}` : undefined],
    ['location', headers.location],
    ['clockSkew', typeof details.clockSkewSeconds === 'number' ? `${details.clockSkewSeconds} s` : undefined],
    ['protocol', details.protocol ?? details.legacyProtocol],
    ['accepted', accepted.join(', ')],
    ['subject', certificate.subject],
    ['names', Array.isArray(certificate.subjectAltNames) ? certificate.subjectAltNames.join(', ') : undefined],
    ['issuer', certificate.issuer],
    ['validTo', typeof certificate.validTo === 'string' ? certificate.validTo.slice(0, 10) : undefined],
    ['daysLeft', certificate.daysLeft],
    ['error', typeof details.error === 'string' ? details.error : asRecord(details.error).code],
    ['remaining', remainingProblems(details, lang)],
  ];
  return facts.flatMap(([key, value]) => (value === undefined || value === null || value === '' ? [] : [{ key, value: String(value) }]));
}

const FAILURE_TEXT: Record<ProbeFailure['kind'], Text> = {
  http: { zh: '检测接口拒绝了请求', en: 'The probe API refused the request' },
  network: { zh: '连不上检测接口', en: 'Could not reach the probe API' },
  timeout: { zh: '检测超时', en: 'The probe timed out' },
  cancelled: { zh: '已取消检测', en: 'The probe was cancelled' },
  'invalid-response': { zh: '检测接口返回了无法识别的结果', en: 'The probe API returned something unreadable' },
};

/** One line saying why a probe gave no result, e.g. "The probe API refused the request (403 TARGET_FORBIDDEN): …". */
export function failureText(failure: ProbeFailure, lang: Locale): string {
  const code = [failure.status, failure.code].filter(Boolean).join(' ');
  return `${FAILURE_TEXT[failure.kind][lang]}${code ? ` (${code})` : ''}${failure.kind === 'cancelled' ? '' : `: ${failure.message}`}`;
}
