CREATE TABLE "insight_daily" (
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"lang" text NOT NULL,
	"flow_id" text DEFAULT '' NOT NULL,
	"state_id" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"slug" text DEFAULT '' NOT NULL,
	"query" text DEFAULT '' NOT NULL,
	"events" integer NOT NULL,
	"dropped" integer DEFAULT 0 NOT NULL,
	"duration_ms" bigint DEFAULT 0 NOT NULL,
	"no_result" integer DEFAULT 0 NOT NULL,
	"no_click" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insight_daily_kind_day_lang_flow_id_state_id_outcome_slug_query_pk" PRIMARY KEY("kind","day","lang","flow_id","state_id","outcome","slug","query")
);
--> statement-breakpoint
CREATE TABLE "insight_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"lang" text NOT NULL,
	"case_id" uuid,
	"flow_id" text,
	"state_id" text,
	"outcome" text,
	"duration_ms" integer,
	"slug" text,
	"fix_id" text,
	"query" text,
	"shown" jsonb,
	"result_count" integer,
	"clicked_rank" integer,
	CONSTRAINT "insight_events_kind" CHECK ("insight_events"."kind" in ('search', 'step', 'ending', 'view'))
);
--> statement-breakpoint
CREATE TABLE "insight_search_daily" (
	"day" date NOT NULL,
	"lang" text NOT NULL,
	"actor" text NOT NULL,
	"searches" integer NOT NULL,
	"no_result" integer NOT NULL,
	"no_click" integer NOT NULL,
	CONSTRAINT "insight_search_daily_day_lang_actor_pk" PRIMARY KEY("day","lang","actor")
);
--> statement-breakpoint
CREATE INDEX "insight_events_kind_at" ON "insight_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "insight_events_actor_kind_at" ON "insight_events" USING btree ("actor","kind","at");--> statement-breakpoint
CREATE INDEX "insight_events_actor_received" ON "insight_events" USING btree ("actor","received_at");--> statement-breakpoint
CREATE INDEX "case_events_kind_at" ON "case_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "cases_created_at" ON "cases" USING btree ("created_at");