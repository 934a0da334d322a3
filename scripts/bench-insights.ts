/**
 * `npm run bench:insights`: p50/p95 of each insights report at EVENTS insight events
 * (default 1,000,000, over the last 180 days) and CASES cases (default 50,000, with their
 * resolutions, fix links, opens, customer answers and verifications), on embedded PGlite and
 * on PostgreSQL (a throwaway cluster, or BENCH_DATABASE_URL). Each report runs for the page's
 * default range (the last 30 days) and for the whole 180 days, after the first run of the
 * hourly upkeep (the daily rollup). Seeding uses generate_series inside the database.
 */
import { sql } from 'drizzle-orm';
import { onEachDatabase, percentile, timeRuns } from './bench-databases';
import type { Database, FixpathDb } from '@/lib/db/server';
import { createInsightsApi, maintainInsights, parseFilters } from '@/lib/insights/server';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const CASES = Number(process.env.CASES ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 30);
const AGENTS = 50;
const REPORTS = ['flow-steps', 'endings', 'resolution-time', 'fix-success', 'search-gaps', 'articles'] as const;


async function seed(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`
      insert into insight_events (at, kind, actor, lang, flow_id, state_id, outcome, duration_ms, slug, fix_id, query, shown, result_count, clicked_rank)
      select now() - random() * interval '180 days', k.kind, 'agent-' || (n % ${AGENTS}), (array['zh','en'])[1 + n % 2],
             case when k.kind in ('step', 'ending') then (array['five-layer','tls-handshake','client-config','five-whys','incident-response'])[1 + n % 5] end,
             case when k.kind = 'step' then 'state-' || (n % 12) when k.kind = 'ending' then 'end-' || (n % 8) end,
             case when k.kind = 'step' then (case when n % 7 = 0 then null else 'option-' || (n % 3) end)
                  when k.kind = 'ending' then (array['fix','handoff','report','end'])[1 + n % 4] end,
             case when k.kind = 'step' then ((n::bigint * 7919) % 120000)::int end,
             case when k.kind = 'view' or (k.kind = 'ending' and n % 4 = 0) then 'article-' || (n % 60) end,
             case when k.kind = 'ending' and n % 4 = 0 then 'fix-' || (n % 3) end,
             case when k.kind = 'search' then 'query ' || (n % 5000) || ' host' || (n % 300) || '.example.net' end,
             case when k.kind = 'search' then '["/zh/articles/a#b"]'::jsonb end,
             case when k.kind = 'search' then (n % 4) * 3 end,
             case when k.kind = 'search' and n % 3 = 0 then 1 end
      from generate_series(1, ${EVENTS}) as n
      cross join lateral (select (array['step','step','step','search','search','ending','view'])[1 + n % 7] as kind) k`);
    await tx.execute(sql`
      insert into cases (title, lang, status, assignee, created_at, updated_at)
      select 'Case ' || n, (array['zh','en'])[1 + n % 2], 'open', 'agent-' || (n % ${AGENTS}), t, t
      from generate_series(1, ${CASES}) as n
      cross join lateral (select now() - ((n::bigint * 7919) % (180 * 24 * 60)) * interval '1 minute' as t) c`);
    await tx.execute(sql`
      insert into case_events (case_id, actor, kind, payload, at)
      select c.id, c.assignee, e.kind, e.payload, c.created_at + e.after
      from (select id, assignee, lang, created_at, row_number() over (order by id) as n from cases) c
      cross join lateral (values
        ('created', jsonb_build_object('title', 'x'), interval '0'),
        ('status', jsonb_build_object('from', 'open', 'to', 'resolved'), (c.n % 200) * interval '1 hour'),
        ('link-sent', jsonb_build_object('linkId', 'L' || c.n, 'slug', 'article-' || (c.n % 60), 'fixId', 'fix-' || (c.n % 3), 'lang', c.lang), interval '10 minutes'),
        ('link-opened', jsonb_build_object('linkId', 'L' || c.n, 'slug', 'article-' || (c.n % 60), 'fixId', 'fix-' || (c.n % 3), 'lang', c.lang), interval '30 minutes'),
        ('feedback', jsonb_build_object('linkId', 'L' || c.n, 'slug', 'article-' || (c.n % 60), 'fixId', 'fix-' || (c.n % 3), 'lang', c.lang, 'outcome', (array['fixed','not-fixed','not-yet'])[1 + c.n % 3]), interval '2 hours'),
        ('verify', jsonb_build_object('results', '[]'::jsonb, 'verified', c.n % 2 = 0), interval '3 hours'),
        ('note', jsonb_build_object('text', 'note'), interval '5 minutes')
      ) as e(kind, payload, after)
      where e.kind in ('created', 'note') or (e.kind = 'status' and c.n % 10 < 7) or (e.kind in ('link-sent', 'verify') and c.n % 5 < 2)
         or (e.kind = 'link-opened' and c.n % 5 = 0) or (e.kind = 'feedback' and c.n % 5 = 1)`);
  });
  await database.db.execute(sql`analyze`);
}

/** An editor's CSV request, timed end to end through the API (auth stubbed: the bench measures the database). */
async function time(db: FixpathDb, report: string, query: string): Promise<number[]> {
  const api = createInsightsApi({ db: async () => db, authorize: async () => ({ ok: true, caller: { user: { id: 'bench', email: 'b@example.com', name: 'b', role: 'editor' }, via: 'token' } }) });
  return timeRuns(RUNS, async () => {
    const response = await api.csv(new Request(`http://bench.invalid/api/insights/${report}.csv?${query}`), `${report}.csv`);
    if (response.status !== 200) throw new Error(`${report}: ${response.status} ${await response.text()}`);
    await response.text();
  });
}

async function bench(label: string, database: Database): Promise<void> {
  const seeding = performance.now();
    await seed(database);
    const seeded = ((performance.now() - seeding) / 1000).toFixed(1);
    // What the hourly job has done on a running server: the closed days are in the rollup.
    const rolling = performance.now();
    await maintainInsights(database.db, 180);
    await database.db.execute(sql`vacuum analyze`);
    const rolled = ((performance.now() - rolling) / 1000).toFixed(1);
    const { filters } = parseFilters(new URLSearchParams());
    const wide = new URLSearchParams({ from: new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10), to: filters.to }).toString();
    console.log(`\n${label}: ${EVENTS.toLocaleString('en')} events, ${CASES.toLocaleString('en')} cases (seeded in ${seeded} s, first rollup ${rolled} s), ${RUNS} runs each`);
    console.log('| report | 30 days p50 ms | 30 days p95 ms | 180 days p50 ms | 180 days p95 ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const report of REPORTS) {
      const month = await time(database.db, report, `from=${filters.from}&to=${filters.to}`);
      const all = await time(database.db, report, wide);
      console.log(`| ${report} | ${percentile(month, 50).toFixed(1)} | ${percentile(month, 95).toFixed(1)} | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 95).toFixed(1)} |`);
    }
}

onEachDatabase('insights', bench).catch((error: unknown) => {
  // Drizzle's "Failed query" message hides the database's own reason in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.message}` : '';
  console.error(error instanceof Error ? `${error.message.split('\n')[0]}${cause}` : error);
  process.exit(1);
});
