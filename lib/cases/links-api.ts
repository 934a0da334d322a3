import 'server-only';
import type { FixpathDb } from '@/lib/db/server';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/http/server';
import { invalid, MAX_BODY_BYTES, type Authorize } from './guard';
import { caseLanguage, checkSendableFix, createLink, createLinkSchema, listLinks, revokeLink } from './links';

/** What the link API needs: the database, the auth check, and how many days a new link lives. */
export interface LinksApiDeps {
  db: () => Promise<FixpathDb>;
  authorize: Authorize;
  linkDays: () => number;
}

const notFound = (what = 'case') => errorResponse(404, 'NOT_FOUND', `no such ${what}`);

/**
 * Customer links of a case (docs/cases.md#customer-links), agent role and up:
 * `create` (POST), `list` (GET) and `revoke` (DELETE `…/links/:linkId`).
 */
export function createLinksApi(deps: LinksApiDeps) {
  return {
    async create(request: Request, id: string): Promise<Response> {
      const auth = await deps.authorize(request, 'agent');
      if (!auth.ok) return auth.response;
      const body = await readJsonBody(request, MAX_BODY_BYTES);
      if (!body.ok) return body.response;
      const parsed = createLinkSchema.safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error);
      const db = await deps.db();
      const caseLang = await caseLanguage(db, id);
      if (!caseLang) return notFound();
      const lang = parsed.data.lang ?? caseLang;
      const refusal = checkSendableFix(parsed.data.slug, parsed.data.fixId, lang);
      if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message, { field: refusal.field });
      const created = await createLink(db, id, { ...parsed.data, lang }, auth.caller.user.id, { days: deps.linkDays() });
      if (!created) return notFound();
      return jsonResponse(201, { ...created.link, url: `/c/${created.token}` });
    },
    async list(request: Request, id: string): Promise<Response> {
      const auth = await deps.authorize(request, 'agent');
      if (!auth.ok) return auth.response;
      const links = await listLinks(await deps.db(), id);
      return links ? jsonResponse(200, { items: links }) : notFound();
    },
    async revoke(request: Request, id: string, linkId: string): Promise<Response> {
      const auth = await deps.authorize(request, 'agent');
      if (!auth.ok) return auth.response;
      const outcome = await revokeLink(await deps.db(), id, linkId, auth.caller.user.id);
      return outcome === 'not-found' ? notFound('link on this case') : new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    },
  };
}
