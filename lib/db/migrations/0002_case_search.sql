-- Trigrams let the case search (ilike '%…%' over title, ticket, host and customer) use an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "cases_search_trgm" ON "cases" USING gin (("title" || ' ' || coalesce("ticket_ref", '') || ' ' || coalesce("target_host", '') || ' ' || coalesce("customer_name", '')) gin_trgm_ops);
