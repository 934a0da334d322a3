import 'server-only';
import type { Authorize } from '@/lib/auth';
import type { FixpathDb } from '@/lib/db/server';
import { errorResponse, jsonResponse } from '@/lib/http/server';
import { bodyOf, guardedWith, notFound } from './guard';
import { caseLanguage, checkSendableFix, createLink, createLinkSchema, listLinks, revokeLink } from './links';

/** What the link API needs: the database, the auth check, and how many days a new link lives. */
export interface LinksApiDeps {
  db: () => Promise<FixpathDb>;
  authorize: Authorize;
  linkDays: () => number;
}

/**
 * Customer links of a case (docs/cases.md#customer-links), agent role and up:
 * `create` (POST), `list` (GET) and `revoke` (DELETE `…/links/:linkId`).
 */
export function createLinksApi(deps: LinksApiDeps) {
  const guarded = guardedWith(deps);
  return {
    create: guarded(async (request, caller, db, id: string) => {
      const body = await bodyOf(request, createLinkSchema);
      if (!body.ok) return body.response;
      const caseLang = await caseLanguage(db, id);
      if (!caseLang) return notFound();
      const lang = body.value.lang ?? caseLang;
      const refusal = checkSendableFix(body.value.slug, body.value.fixId, lang);
      if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message, { field: refusal.field });
      const created = await createLink(db, id, { ...body.value, lang }, caller.user.id, { days: deps.linkDays() });
      if (!created) return notFound();
      return jsonResponse(201, { ...created.link, url: `/c/${created.token}` });
    }),
    list: guarded(async (_request, _caller, db, id: string) => {
      const links = await listLinks(db, id);
      return links ? jsonResponse(200, { items: links }) : notFound();
    }),
    revoke: guarded(async (_request, caller, db, id: string, linkId: string) => {
      const outcome = await revokeLink(db, id, linkId, caller.user.id);
      return outcome === 'not-found' ? notFound('link on this case') : new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    }),
  };
}
