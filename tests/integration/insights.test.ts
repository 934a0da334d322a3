import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Role } from '../../lib/auth';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService } from '../../lib/auth/service';
import { createToken } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { tables, type Database } from '../../lib/db/server';
import { allReports, createInsightsApi, maintainInsights, parseFilters, retentionDaysFromEnv } from '../../lib/insights/server';
import { apiRequest as call, jsonOf as json } from '../fixtures/auth-requests';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('insights');
});
after(() => factory.stop());

const DAY = 86_400_000;
/** The reports' "today": events are placed around it. */
const NOW = Date.parse('2026-11-20T12:00:00Z');
const RANGE = { from: '2026-10-22', to: '2026-11-20' };
const inRange = (at: number) => at >= Date.parse(`${RANGE.from}T00:00:00Z`) && at < Date.parse(`${RANGE.to}T00:00:00Z`) + DAY;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)], int: (n: number) => Math.floor(next() * n) };
}

type Row = typeof tables.insightEvents.$inferInsert & { at: Date };
type CaseEvent = { caseId: string; at: Date; actor: string; kind: string; payload: Record<string, unknown> };

const count = <T>(list: T[], test: (item: T) => boolean) => list.filter(test).length;
const mean = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`insights on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    let database: Database;
    let api: ReturnType<typeof createInsightsApi>;
    const people: Record<'agent' | 'agent2' | 'editor' | 'admin', { id: string; token: string }> = {} as never;
    const events: Row[] = [];
    const caseEvents: CaseEvent[] = [];
    const caseRows: Array<{ id: string; createdAt: Date; lang: 'zh' | 'en'; assignee: string }> = [];

    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      const service = createAuthService(database.db, {});
      for (const [name, role] of [['agent', 'agent'], ['agent2', 'agent'], ['editor', 'editor'], ['admin', 'admin']] as const) {
        const user = await createUser(database.db, { email: `${name}@example.com`, name, role: role as Role, password: 'correct horse battery' });
        people[name] = { id: user.id, token: (await createToken(database.db, user.id, 'test')).token };
      }
      api = createInsightsApi({ db: async () => database.db, authorize: (request, role) => authorizeWith(service, request, role) });

      // Insight events over 60 days, so some fall outside the 30-day range.
      const r = random(7);
      const actors = [people.agent.id, people.agent2.id];
      const flows = ['five-layer', 'tls-handshake'];
      const statesOf = ['ask-host', 'tcp-check', 'tls-check', 'dns-check'];
      const queries = ['连不上 api.example.com', 'keeps spinning', 'ERR_SSL_PROTOCOL_ERROR', '10.1.2.3 refused', 'Proxy auth', 'proxy auth '];
      for (let n = 0; n < 400; n += 1) {
        const at = new Date(NOW - r.int(60 * DAY));
        const base = { at, actor: r.pick(actors), lang: r.pick(['zh', 'en'] as const) };
        const which = r.int(4);
        if (which === 0) events.push({ ...base, kind: 'step', flowId: r.pick(flows), stateId: r.pick(statesOf), outcome: r.next() < 0.3 ? null : r.pick(['yes', 'no', 'OK', 'REFUSED']), durationMs: r.int(90_000) });
        else if (which === 1) {
          const fix = r.next() < 0.5;
          events.push({ ...base, kind: 'ending', flowId: r.pick(flows), stateId: fix ? r.pick(['fix-firewall', 'fix-cert']) : 'report', outcome: fix ? 'fix' : 'report', slug: fix ? r.pick(['firewall', 'certs']) : null, fixId: fix ? 'open-port' : null });
        } else if (which === 2) {
          const resultCount = r.pick([0, 0, 3, 12]);
          events.push({ ...base, kind: 'search', query: r.pick(queries), shown: [], resultCount, clickedRank: resultCount > 0 && r.next() < 0.5 ? 1 + r.int(3) : null });
        } else events.push({ ...base, kind: 'view', slug: r.pick(['firewall', 'certs', 'dns']) });
      }
      await database.db.insert(tables.insightEvents).values(events);

      // Cases with resolutions and fix links, created over 60 days.
      for (let n = 0; n < 24; n += 1) {
        const createdAt = new Date(NOW - r.int(60 * DAY));
        const [row] = await database.db
          .insert(tables.cases)
          .values({ title: `case ${n}`, lang: r.pick(['zh', 'en'] as const), assignee: r.pick(actors), createdAt, status: 'open' })
          .returning({ id: tables.cases.id, lang: tables.cases.lang, assignee: tables.cases.assignee });
        caseRows.push({ id: row.id, createdAt, lang: row.lang as 'zh' | 'en', assignee: row.assignee! });
        const add = (offset: number, kindOf: string, payload: Record<string, unknown>, actor = row.assignee!) =>
          caseEvents.push({ caseId: row.id, at: new Date(createdAt.getTime() + offset), actor, kind: kindOf, payload });
        add(0, 'created', { title: `case ${n}` });
        // Some resolve (possibly twice: only the first counts), some never do.
        if (r.next() < 0.7) {
          const after = r.pick([30 * 60_000, 2 * 3_600_000, 10 * 3_600_000, 2 * DAY, 5 * DAY, 9 * DAY]);
          add(after, 'status', { from: 'open', to: 'resolved' });
          add(after + DAY * 10, 'status', { from: 'resolved', to: 'resolved' });
        }
        add(60_000, 'status', { from: 'open', to: 'waiting' });
        for (let l = 0; l < r.int(3); l += 1) {
          const linkId = `link-${n}-${l}`;
          const fix = r.pick([{ slug: 'firewall', fixId: 'open-port' }, { slug: 'certs', fixId: 'renew' }]);
          const sentAt = 3_600_000 * (l + 1);
          add(sentAt, 'link-sent', { linkId, ...fix, lang: row.lang });
          if (r.next() < 0.7) {
            add(sentAt + 60_000, 'link-opened', { linkId, ...fix, lang: row.lang }, 'customer');
            add(sentAt + 90_000, 'link-opened', { linkId, ...fix, lang: row.lang }, 'customer');
          }
          if (r.next() < 0.6) add(sentAt + 120_000, 'feedback', { linkId, ...fix, lang: row.lang, outcome: 'not-yet' }, 'customer');
          if (r.next() < 0.6) add(sentAt + 180_000, 'feedback', { linkId, ...fix, lang: row.lang, outcome: r.pick(['fixed', 'not-fixed']) }, 'customer');
          if (r.next() < 0.5) add(sentAt - 30_000, 'verify', { results: [], verified: false });
          if (r.next() < 0.6) add(sentAt + 200_000, 'verify', { results: [], verified: r.next() < 0.6 });
        }
      }
      await database.db.insert(tables.caseEvents).values(caseEvents);
    });
    after(async () => {
      await database?.close();
    });

    /** What each report must say, counted here from the seeded rows. */
    function expected(filter: { lang?: string; agent?: string; flow?: string }) {
      const picked = events.filter((e) => inRange(e.at.getTime()) && (!filter.lang || e.lang === filter.lang) && (!filter.agent || e.actor === filter.agent));
      const flowPicked = picked.filter((e) => !filter.flow || e.flowId === filter.flow);
      const groups = <T>(rows: Row[], key: (row: Row) => string, make: (rows: Row[]) => T) => {
        const map = new Map<string, Row[]>();
        for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
        return [...map.values()].map(make);
      };
      const steps = groups(flowPicked.filter((e) => e.kind === 'step'), (e) => `${e.flowId}/${e.stateId}`, (rows) => ({
        flowId: rows[0].flowId!, stateId: rows[0].stateId!, visits: rows.length, dropped: count(rows, (e) => e.outcome === null), meanMs: mean(rows.map((e) => e.durationMs!)),
      }));
      const endings = groups(flowPicked.filter((e) => e.kind === 'ending'), (e) => `${e.flowId}/${e.stateId}/${e.outcome}`, (rows) => ({ flowId: rows[0].flowId!, stateId: rows[0].stateId!, kind: rows[0].outcome!, count: rows.length }));
      const searches = picked.filter((e) => e.kind === 'search');
      const gaps = groups(searches, (e) => `${e.query!.trim().toLowerCase()}|${e.lang}`, (rows) => ({
        query: rows[0].query!.trim().toLowerCase(), lang: rows[0].lang!, searches: rows.length, noResult: count(rows, (e) => e.resultCount === 0), noClick: count(rows, (e) => e.resultCount! > 0 && e.clickedRank === null),
      })).filter((row) => row.noResult + row.noClick > 0);
      const totals = { searches: searches.length, noResult: count(searches, (e) => e.resultCount === 0), noClick: count(searches, (e) => e.resultCount! > 0 && e.clickedRank === null) };

      const buckets = { 'lt-1h': 0, '1h-4h': 0, '4h-24h': 0, '1d-3d': 0, '3d-7d': 0, 'gt-7d': 0, unresolved: 0 } as Record<string, number>;
      for (const c of caseRows.filter((c) => inRange(c.createdAt.getTime()) && (!filter.lang || c.lang === filter.lang) && (!filter.agent || c.assignee === filter.agent))) {
        const resolved = caseEvents.filter((e) => e.caseId === c.id && e.kind === 'status' && e.payload.to === 'resolved').map((e) => e.at.getTime()).sort((a, b) => a - b)[0];
        const hours = resolved === undefined ? null : (resolved - c.createdAt.getTime()) / 3_600_000;
        const bucket = hours === null ? 'unresolved' : hours < 1 ? 'lt-1h' : hours < 4 ? '1h-4h' : hours < 24 ? '4h-24h' : hours < 72 ? '1d-3d' : hours < 168 ? '3d-7d' : 'gt-7d';
        buckets[bucket] += 1;
      }

      const sent = caseEvents.filter((e) => e.kind === 'link-sent' && inRange(e.at.getTime()) && (!filter.lang || e.payload.lang === filter.lang) && (!filter.agent || e.actor === filter.agent));
      const fixes = new Map<string, { slug: string; fixId: string; sent: number; opened: number; fixed: number; notFixed: number; notYet: number; verified: number; notVerified: number }>();
      for (const link of sent) {
        const key = `${link.payload.slug}#${link.payload.fixId}`;
        const row = fixes.get(key) ?? { slug: String(link.payload.slug), fixId: String(link.payload.fixId), sent: 0, opened: 0, fixed: 0, notFixed: 0, notYet: 0, verified: 0, notVerified: 0 };
        const onCase = caseEvents.filter((e) => e.caseId === link.caseId);
        row.sent += 1;
        if (onCase.some((e) => e.kind === 'link-opened' && e.payload.linkId === link.payload.linkId)) row.opened += 1;
        const answers = onCase.filter((e) => e.kind === 'feedback' && e.payload.linkId === link.payload.linkId);
        const last = answers[answers.length - 1]?.payload.outcome;
        if (last === 'fixed') row.fixed += 1;
        if (last === 'not-fixed') row.notFixed += 1;
        if (last === 'not-yet') row.notYet += 1;
        const checks = onCase.filter((e) => e.kind === 'verify' && e.at >= link.at).sort((a, b) => a.at.getTime() - b.at.getTime());
        const check = checks[checks.length - 1];
        if (check?.payload.verified === true) row.verified += 1;
        if (check?.payload.verified === false) row.notVerified += 1;
        fixes.set(key, row);
      }
      const articles = new Map<string, { slug: string; views: number; endings: number; sent: number; fixed: number; notFixed: number }>();
      const article = (slug: string) => articles.get(slug) ?? articles.set(slug, { slug, views: 0, endings: 0, sent: 0, fixed: 0, notFixed: 0 }).get(slug)!;
      for (const e of picked) {
        if (e.kind === 'view') article(e.slug!).views += 1;
        if (e.kind === 'ending' && e.slug) article(e.slug).endings += 1;
      }
      for (const fix of fixes.values()) {
        const row = article(fix.slug);
        row.sent += fix.sent;
        row.fixed += fix.fixed;
        row.notFixed += fix.notFixed;
      }
      return { steps, endings, gaps, totals, buckets, fixes: [...fixes.values()], articles: [...articles.values()] };
    }

    const filterSets = (): Array<Record<string, string>> => [{}, { lang: 'zh' }, { agent: people.agent.id }, { flow: 'tls-handshake', lang: 'en' }];

    it('counts every report exactly as the events say, under each filter, from the events and again from the daily rollup', async (t) => {
      if (skip()) return t.skip(String(skip()));
      await checkReports();
      // The hourly job rolls the closed days up; the reports must not change by a single count.
      assert.equal(await maintainInsights(database.db, 3650, new Date(NOW)), 0);
      const rolled = await database.db.select().from(tables.insightDaily);
      assert.ok(rolled.length > 0, 'days before yesterday are in the rollup');
      await checkReports();
    });

    it('keeps the case facts the same whatever order a timeline arrives in, and the migration backfill agrees', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const facts = async () => ({
        cases: await database.db.select().from(tables.insightCaseFacts).orderBy(tables.insightCaseFacts.caseId),
        links: await database.db.select().from(tables.insightLinkFacts).orderBy(tables.insightLinkFacts.sentEventId),
      });
      const fromTrigger = await facts();
      assert.ok(fromTrigger.cases.length > 0 && fromTrigger.links.some((link) => link.opened && link.outcome && link.verified !== null), 'the seed fills every fact');
      // One event per statement, newest first: every answer, opening and verification arrives before its link-sent event.
      const timeline = await database.db.select().from(tables.caseEvents).orderBy(desc(tables.caseEvents.at), desc(tables.caseEvents.id));
      await database.db.transaction(async (tx) => {
        await tx.delete(tables.insightCaseFacts);
        await tx.delete(tables.caseEvents);
        for (const event of timeline) await tx.insert(tables.caseEvents).values(event);
      });
      assert.deepEqual(await facts(), fromTrigger);
      // Timelines written before migration 0009 get their facts from its backfill statements.
      const migration = readFileSync(new URL('../../lib/db/migrations/0009_insight_facts.sql', import.meta.url), 'utf8');
      const backfill = migration.split('--> statement-breakpoint').filter((statement) => /^INSERT INTO "insight_/m.test(statement));
      assert.equal(backfill.length, 2);
      await database.db.transaction(async (tx) => {
        await tx.delete(tables.insightCaseFacts);
        await tx.delete(tables.insightLinkFacts);
        for (const statement of backfill) await tx.execute(sql.raw(statement));
      });
      assert.deepEqual(await facts(), fromTrigger);
      await checkReports();
    });

    async function checkReports() {
      for (const filter of filterSets()) {
        const { filters, error } = parseFilters(new URLSearchParams({ ...RANGE, ...filter }));
        assert.equal(error, undefined);
        const got = await allReports(database.db, filters);
        const want = expected(filter);
        const label = JSON.stringify(filter);
        assert.ok(want.steps.length > 0 && want.fixes.length > 0 && want.gaps.length > 0, 'the seed covers every report');
        assert.deepEqual(byKey(got.flowSteps, (r) => `${r.flowId}/${r.stateId}`), byKey(want.steps, (r) => `${r.flowId}/${r.stateId}`), `flow steps ${label}`);
        assert.deepEqual(byKey(got.endings, (r) => `${r.flowId}/${r.stateId}/${r.kind}`), byKey(want.endings, (r) => `${r.flowId}/${r.stateId}/${r.kind}`), `endings ${label}`);
        assert.deepEqual(Object.fromEntries(got.resolutionTime.map((r) => [r.bucket, r.cases])), want.buckets, `resolution ${label}`);
        assert.deepEqual(byKey(got.fixSuccess, (r) => `${r.slug}#${r.fixId}`), byKey(want.fixes, (r) => `${r.slug}#${r.fixId}`), `fix success ${label}`);
        assert.deepEqual(byKey(got.searchGaps.rows, (r) => `${r.query}|${r.lang}`), byKey(want.gaps, (r) => `${r.query}|${r.lang}`), `search gaps ${label}`);
        assert.deepEqual(got.searchGaps.totals, want.totals, `search totals ${label}`);
        assert.deepEqual(byKey(got.articles, (r) => r.slug), byKey(want.articles, (r) => r.slug), `articles ${label}`);
        // Worst gaps and most-viewed articles first.
        const gapsOrder = got.searchGaps.rows.map((r) => r.noResult + r.noClick);
        assert.deepEqual(gapsOrder, [...gapsOrder].sort((a, b) => b - a));
        const views = got.articles.map((r) => r.views);
        assert.deepEqual(views, [...views].sort((a, b) => b - a));
      }
    }

    it('stores a batch from a signed-in caller and refuses nobody (401), bad events (400 with field) and floods (429)', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const post = (who: string | null, body: unknown) => api.events(call('POST', '/api/insights/events', who, body));
      const at = new Date().toISOString();
      const batch = { events: [{ type: 'view', at, lang: 'en', slug: 'firewall' }, { type: 'search', at, lang: 'zh', query: 'x', shown: ['/zh/articles/a'], resultCount: 1, clickedRank: 1 }] };
      assert.equal((await post(null, batch)).status, 401);
      const stored = await json(await post(people.agent.token, batch));
      assert.equal(stored.status, 202);
      assert.equal(stored.body.stored, 2);
      const mine = await database.db.select().from(tables.insightEvents).where(eqActor(people.agent.id, at));
      assert.equal(mine.length, 2);
      const bad: Array<[unknown, string]> = [
        [{ events: [] }, 'events'],
        [{ events: [{ type: 'view', at, lang: 'fr', slug: 'x' }] }, 'events.0.lang'],
        [{ events: [{ type: 'search', at, lang: 'zh', query: 'x', shown: [], resultCount: 0, clickedRank: 0 }] }, 'events.0.clickedRank'],
        [{ events: Array.from({ length: 51 }, () => batch.events[0]) }, 'events'],
      ];
      for (const [body, field] of bad) {
        const answer = await json(await post(people.agent.token, body));
        assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(answer.body.error.field, field);
      }
      const full = { events: Array.from({ length: 50 }, () => batch.events[0]) };
      let status = 0;
      for (let n = 0; n < 13 && status !== 429; n += 1) status = (await post(people.agent2.token, full)).status;
      assert.equal(status, 429, 'past 600 events a minute');
      assert.equal((await post(people.agent.token, batch)).status, 202, 'another caller is not limited');
    });

    it('serves each report as CSV to editors and admins only, hides hosts in queries from editors, and names a bad date', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const get = (who: string | null, path: string) => api.csv(call('GET', path, who), path.split('/').pop()!.split('?')[0]);
      const query = `?from=${RANGE.from}&to=${RANGE.to}`;
      assert.equal((await get(null, `/api/insights/flow-steps.csv${query}`)).status, 401);
      assert.equal((await get(people.agent.token, `/api/insights/flow-steps.csv${query}`)).status, 403);
      for (const [path, field] of [[`/api/insights/endings.csv?from=2026-13-01`, 'from'], [`/api/insights/endings.csv?to=yesterday`, 'to'], [`/api/insights/endings.csv?from=2026-11-02&to=2026-11-01`, 'from']]) {
        const answer = await json(await get(people.editor.token, path));
        assert.equal(answer.status, 400);
        assert.equal(answer.body.error.field, field);
      }
      assert.equal((await get(people.editor.token, `/api/insights/nothing.csv${query}`)).status, 404);
      const want = expected({});
      const steps = await get(people.editor.token, `/api/insights/flow-steps.csv${query}`);
      assert.equal(steps.status, 200);
      assert.match(steps.headers.get('content-type')!, /^text\/csv/);
      const lines = (await steps.text()).trim().split('\r\n');
      assert.equal(lines[0], 'flow,step,visits,dropped,mean_ms');
      assert.equal(lines.length - 1, want.steps.length);
      const visits = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
      assert.equal(visits, want.steps.reduce((sum, row) => sum + row.visits, 0));
      const asEditor = await (await get(people.editor.token, `/api/insights/search-gaps.csv${query}`)).text();
      const asAdmin = await (await get(people.admin.token, `/api/insights/search-gaps.csv${query}`)).text();
      assert.doesNotMatch(asEditor, /api\.example\.com|10\.1\.2\.3/);
      assert.match(asEditor, /\[host\]/);
      assert.match(asAdmin, /api\.example\.com|10\.1\.2\.3/);
      for (const name of ['endings', 'resolution-time', 'fix-success', 'articles']) {
        const answer = await get(people.editor.token, `/api/insights/${name}.csv${query}`);
        assert.equal(answer.status, 200, name);
      }
      const resolution = (await (await get(people.editor.token, `/api/insights/resolution-time.csv${query}`)).text()).trim().split('\r\n').slice(1);
      assert.deepEqual(Object.fromEntries(resolution.map((line) => [line.split(',')[0], Number(line.split(',')[1])])), want.buckets);
    });

    it('after FIXPATH_RETENTION_DAYS keeps only daily counts of old searches, and the totals still add up', async (t) => {
      if (skip()) return t.skip(String(skip()));
      assert.equal(retentionDaysFromEnv({}), 180);
      assert.equal(retentionDaysFromEnv({ FIXPATH_RETENTION_DAYS: '30' }), 30);
      assert.throws(() => retentionDaysFromEnv({ FIXPATH_RETENTION_DAYS: '30d' }), /FIXPATH_RETENTION_DAYS/);
      const { filters } = parseFilters(new URLSearchParams({ from: '2026-09-01', to: RANGE.to }));
      const before = await allReports(database.db, filters);
      const oldSearches = events.filter((e) => e.kind === 'search' && e.at.getTime() < NOW - 20 * DAY).length;
      assert.ok(oldSearches > 0);
      const removed = await maintainInsights(database.db, 20, new Date(NOW));
      assert.equal(removed, oldSearches);
      assert.equal(await maintainInsights(database.db, 20, new Date(NOW)), 0, 'a second run finds nothing more');
      const rolledQueries = await database.db.select().from(tables.insightDaily);
      assert.ok(rolledQueries.every((row) => row.kind !== 'search' || row.day >= '2026-10-31'), 'nor in the rollup');
      const left = await database.db.select().from(tables.insightEvents);
      assert.ok(left.every((e) => e.kind !== 'search' || e.at.getTime() >= NOW - 20 * DAY), 'no query older than the retention remains');
      const afterwards = await allReports(database.db, filters);
      assert.deepEqual(afterwards.searchGaps.totals, before.searchGaps.totals);
      assert.ok(afterwards.searchGaps.rows.reduce((n, r) => n + r.searches, 0) < before.searchGaps.rows.reduce((n, r) => n + r.searches, 0));
      assert.deepEqual(afterwards.flowSteps, before.flowSteps, 'steps are not searches: kept');
    });
  });
}

/** Rows of this actor dated at or after `at`: the API's own batch (the seed is older). */
function eqActor(actor: string, at: string) {
  return and(eq(tables.insightEvents.actor, actor), gte(tables.insightEvents.at, new Date(Date.parse(at) - 1000)));
}
