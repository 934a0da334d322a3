import type { CustomerMessages } from '@/lib/i18n';

/** Why the link shows no fix: unknown (404), revoked or expired (410), or the server is unavailable; nothing about any case. */
export function LinkMessage({ kind, t }: { kind: 'unknown' | 'gone' | 'unavailable'; t: CustomerMessages }) {
  const [title, body] = { unknown: [t.notFoundTitle, t.notFoundBody], gone: [t.goneTitle, t.goneBody], unavailable: [t.unavailableTitle, t.unavailableBody] }[kind];
  return (
    <div className="py-12">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2">{body}</p>
    </div>
  );
}
