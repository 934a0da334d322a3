/**
 * `npm run bench:cases`: p50/p95 of the case list and of one case page's reads, at
 * CASES cases and EVENTS timeline events (default 100,000 and 2,000,000, spread evenly), on embedded PGlite
 * and on PostgreSQL (a throwaway cluster, or BENCH_DATABASE_URL). Seeding uses
 * generate_series inside the database, so it takes seconds, not hours.
 */
import { sql } from 'drizzle-orm';
import { onEachDatabase, percentile, timeRuns } from './bench-databases';
import { getCase, listCases } from '@/lib/cases/server';
import { queryRows, type Database } from '@/lib/db/server';

const CASES = Number(process.env.CASES ?? 100_000);
const EVENTS = Number(process.env.EVENTS ?? 2_000_000);
const RUNS = Number(process.env.RUNS ?? 200);
const AGENTS = 50;


async function seed(database: Database): Promise<void> {
  // One transaction without the server's statement timeout: seeding millions of rows takes longer.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`
      insert into cases (title, ticket_ref, customer_name, target_host, target_port, status, assignee, created_at, updated_at)
      select 'Case ' || n || ': client cannot connect', 'T-' || n, 'Customer ' || (n % 997), 'host' || (n % 5000) || '.example.net', 443,
             (array['open','waiting','resolved','closed'])[1 + n % 4], 'agent-' || (n % ${AGENTS}),
             now() - (n || ' minutes')::interval, now() - (n || ' seconds')::interval
      from generate_series(1, ${CASES}) as n`);
    await tx.execute(sql`
      insert into case_events (case_id, actor, kind, payload, at)
      select c.id, 'agent-' || (e % ${AGENTS}), (array['note','probe','status'])[1 + e % 3], jsonb_build_object('text', 'event ' || e), c.created_at + (e || ' seconds')::interval
      from cases c cross join generate_series(1, ${Math.round(EVENTS / CASES)}) as e`);
  });
  await database.db.execute(sql`analyze`);
}

const time = (work: () => Promise<unknown>) => timeRuns(RUNS, work);

async function bench(label: string, database: Database): Promise<void> {
  const seeding = performance.now();
    await seed(database);
    const seeded = ((performance.now() - seeding) / 1000).toFixed(1);
    const ids = (await queryRows<{ id: string }>(database.db, sql`select id::text as id from cases order by random() limit ${RUNS}`)).map((row) => row.id);
    let n = 0;
    const rows: Array<[string, number[]]> = [
      ['list: open cases, first page of 50', await time(() => listCases(database.db, { status: ['open'], limit: 50 }, 'agent-1'))],
      ['list: my cases (assignee=me)', await time(() => listCases(database.db, { assignee: 'me', limit: 50 }, 'agent-7'))],
      ['list: search by host text', await time(() => listCases(database.db, { q: 'host4321.example', limit: 50 }, 'agent-1'))],
      ['one case with its timeline', await time(() => getCase(database.db, ids[n++ % ids.length]))],
    ];
    console.log(`\n${label}: ${CASES.toLocaleString('en')} cases, ${EVENTS.toLocaleString('en')} events (seeded in ${seeded} s), ${RUNS} runs each`);
    console.log('| read | p50 ms | p95 ms |');
    console.log('| --- | --- | --- |');
    for (const [name, times] of rows) console.log(`| ${name} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
}

onEachDatabase('cases', bench).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
