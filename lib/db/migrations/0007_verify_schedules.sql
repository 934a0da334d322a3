CREATE TABLE "verify_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"via" text NOT NULL,
	"minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"claim_token" uuid,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	"verify_event_id" bigint,
	"last_error" text,
	CONSTRAINT "verify_schedules_status" CHECK ("verify_schedules"."status" in ('pending', 'done', 'cancelled', 'skipped')),
	CONSTRAINT "verify_schedules_minutes" CHECK ("verify_schedules"."minutes" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "verify_schedules" ADD CONSTRAINT "verify_schedules_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verify_schedules_due" ON "verify_schedules" USING btree ("due_at") WHERE "verify_schedules"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "verify_schedules_case" ON "verify_schedules" USING btree ("case_id","due_at");