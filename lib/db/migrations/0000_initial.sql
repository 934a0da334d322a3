CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"ticket_ref" text,
	"ticket_url" text,
	"customer_name" text,
	"target_host" text,
	"target_port" integer,
	"target_url" text,
	"lang" text DEFAULT 'zh' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status" CHECK ("cases"."status" in ('open', 'waiting', 'resolved', 'closed')),
	CONSTRAINT "cases_lang" CHECK ("cases"."lang" in ('zh', 'en')),
	CONSTRAINT "cases_port" CHECK ("cases"."target_port" between 1 and 65535)
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_at" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_status_updated" ON "cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_updated" ON "cases" USING btree ("assignee","updated_at");--> statement-breakpoint
CREATE INDEX "cases_ticket_ref" ON "cases" USING btree ("ticket_ref");