import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { findArticle } from '@/lib/content/server';
import { tables, type FixpathDb } from '@/lib/db/server';
import { LOCALES, type Locale } from '@/lib/i18n';
import type { CaseRecord } from './contract';
import { insertEvents, toRecord } from './store';

/** `POST /api/cases/:id/links`; `lang` defaults to the case's language. */
export const createLinkSchema = z.strictObject({
  slug: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  fixId: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  lang: z.enum(LOCALES).optional(),
  /** The customer's "fixed" resolves the case (default: it is only recorded). */
  resolveOnFixed: z.boolean().optional(),
});

type LinkRow = typeof tables.caseLinks.$inferSelect;

/** Where a link stands: `open` until it expires or an agent revokes it. */
type LinkState = 'open' | 'expired' | 'revoked';

/** A customer link as staff see it; the token is never part of it (it is not stored). */
export interface LinkRecord {
  id: string;
  caseId: string;
  slug: string;
  fixId: string;
  lang: Locale;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  firstOpenedAt: string | null;
  /** Whether the customer's "fixed" resolves the case. */
  resolveOnFixed: boolean;
  state: LinkState;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A token as createLink writes it: 24 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

function stateOf(row: LinkRow, now: Date): LinkState {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'open';
}

function toLink(row: LinkRow, now: Date): LinkRecord {
  return {
    id: row.id,
    caseId: row.caseId,
    slug: row.slug,
    fixId: row.fixId,
    lang: row.lang as Locale,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    resolveOnFixed: row.resolveOnFixed,
    state: stateOf(row, now),
  };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** How long a new link lives: FIXPATH_LINK_DAYS (1–365), default 30. Throws naming the variable when it is not a whole number in range. */
export function linkDaysFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.FIXPATH_LINK_DAYS?.trim();
  if (!raw) return 30;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error(`FIXPATH_LINK_DAYS must be a whole number of days from 1 to 365, not "${raw}"`);
  return days;
}

/** Why a fix may not be sent, as the API reports it. */
export type FixRefusal = { status: 400 | 422; code: string; field: 'slug' | 'fixId'; message: string };

/**
 * Whether a fix may go to a customer: the article exists in that language, has that fix, and
 * the fix is written for customers (`audience="customer"`). Staff fixes and fixes that do not
 * say their audience yet are refused: sending a server-side change to a customer is the
 * mistake this check exists for.
 */
export function checkSendableFix(slug: string, fixId: string, lang: Locale): FixRefusal | null {
  const article = findArticle(lang, slug);
  if (!article) return { status: 400, code: 'INVALID_INPUT', field: 'slug', message: `slug "${slug}" names no article in ${lang}` };
  const fix = article.fixes.find((candidate) => candidate.id === fixId);
  if (!fix) return { status: 400, code: 'INVALID_INPUT', field: 'fixId', message: `fixId "${fixId}" is not a fix of ${slug} (${lang})` };
  if (fix.audience !== 'customer') {
    return {
      status: 422,
      code: 'FIX_NOT_FOR_CUSTOMERS',
      field: 'fixId',
      message: `fixId "${fixId}" is for staff${fix.audience ? '' : ' (the article does not mark it for customers)'}; only fixes marked audience="customer" can be sent to a customer`,
    };
  }
  return null;
}

/**
 * Creates a customer link for a case and records `link-sent` (without the token) in one
 * transaction. The token (24 random bytes, base64url) is returned once and stored only as its
 * SHA-256. Null when there is no such case. `now` and `days` are for tests and the API.
 */
export async function createLink(
  db: FixpathDb,
  caseId: string,
  input: { slug: string; fixId: string; lang: Locale; resolveOnFixed?: boolean },
  actor: string,
  options: { days: number; now?: Date },
): Promise<{ link: LinkRecord; token: string } | null> {
  if (!UUID.test(caseId)) return null;
  const now = options.now ?? new Date();
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + options.days * 86_400_000);
  return db.transaction(async (tx) => {
    const [touched] = await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, caseId)).returning({ id: tables.cases.id });
    if (!touched) return null;
    const [row] = await tx
      .insert(tables.caseLinks)
      .values({ caseId, tokenHash: hashOf(token), slug: input.slug, fixId: input.fixId, lang: input.lang, resolveOnFixed: input.resolveOnFixed ?? false, createdBy: actor, createdAt: now, expiresAt })
      .returning();
    await insertEvents(tx, [{ caseId, actor, kind: 'link-sent', payload: { linkId: row.id, slug: row.slug, fixId: row.fixId, lang: row.lang, expiresAt: expiresAt.toISOString(), resolveOnFixed: row.resolveOnFixed } }]);
    return { link: toLink(row, new Date()), token };
  });
}

/** The language of a case, or null when there is no such case. */
export async function caseLanguage(db: FixpathDb, caseId: string): Promise<Locale | null> {
  if (!UUID.test(caseId)) return null;
  const [row] = await db.select({ lang: tables.cases.lang }).from(tables.cases).where(eq(tables.cases.id, caseId));
  return row ? (row.lang as Locale) : null;
}

/** A case's links, newest first; null when there is no such case. */
export async function listLinks(db: FixpathDb, caseId: string): Promise<LinkRecord[] | null> {
  if (!UUID.test(caseId)) return null;
  const [found] = await db.select({ id: tables.cases.id }).from(tables.cases).where(eq(tables.cases.id, caseId));
  if (!found) return null;
  const rows = await db.select().from(tables.caseLinks).where(eq(tables.caseLinks.caseId, caseId)).orderBy(desc(tables.caseLinks.createdAt));
  const now = new Date();
  return rows.map((row) => toLink(row, now));
}

/**
 * Revokes a link of a case and records `link-revoked`, once: revoking it again changes nothing
 * and records nothing. `not-found` when the case has no such link.
 */
export async function revokeLink(db: FixpathDb, caseId: string, linkId: string, actor: string): Promise<'revoked' | 'already-revoked' | 'not-found'> {
  if (!UUID.test(caseId) || !UUID.test(linkId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.caseLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(tables.caseLinks.id, linkId), eq(tables.caseLinks.caseId, caseId), isNull(tables.caseLinks.revokedAt)))
      .returning();
    if (!row) {
      const [exists] = await tx.select({ id: tables.caseLinks.id }).from(tables.caseLinks).where(and(eq(tables.caseLinks.id, linkId), eq(tables.caseLinks.caseId, caseId)));
      return exists ? 'already-revoked' : 'not-found';
    }
    await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, caseId));
    await insertEvents(tx, [{ caseId, actor, kind: 'link-revoked', payload: { linkId } }]);
    return 'revoked';
  });
}

/** What a customer's token opens: the link and its case, or why not. */
export type ResolvedLink = { ok: true; link: LinkRecord; case: CaseRecord } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

/**
 * The link behind a customer's token (`/c/<token>`), checked: unknown, revoked or expired
 * tokens say which. The first successful opening is stamped and recorded as `link-opened`
 * (actor `customer`) exactly once, however many requests race to be first.
 */
export async function resolveCustomerLink(db: FixpathDb, token: string, now: Date = new Date()): Promise<ResolvedLink> {
  if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
  const [found] = await db
    .select({ link: tables.caseLinks, case: tables.cases })
    .from(tables.caseLinks)
    .innerJoin(tables.cases, eq(tables.cases.id, tables.caseLinks.caseId))
    .where(eq(tables.caseLinks.tokenHash, hashOf(token)));
  if (!found) return { ok: false, reason: 'unknown' };
  const state = stateOf(found.link, now);
  if (state !== 'open') return { ok: false, reason: state };
  let link = found.link;
  if (!link.firstOpenedAt) {
    link = await db.transaction(async (tx) => {
      const [first] = await tx
        .update(tables.caseLinks)
        .set({ firstOpenedAt: now })
        .where(and(eq(tables.caseLinks.id, found.link.id), isNull(tables.caseLinks.firstOpenedAt)))
        .returning();
      if (!first) return found.link;
      await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, first.caseId));
      await insertEvents(tx, [{ caseId: first.caseId, actor: 'customer', kind: 'link-opened', payload: { linkId: first.id, slug: first.slug, fixId: first.fixId, lang: first.lang } }]);
      return first;
    });
  }
  return { ok: true, link: toLink(link, now), case: toRecord(found.case) };
}
