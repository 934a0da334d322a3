CREATE TABLE "probe_leases" (
	"id" text PRIMARY KEY NOT NULL,
	"caller_key" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "probe_rate_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"allowed" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "probe_leases_caller" ON "probe_leases" USING btree ("caller_key");--> statement-breakpoint
CREATE INDEX "probe_rate_buckets_updated_at" ON "probe_rate_buckets" USING btree ("updated_at");