CREATE TABLE "insight_case_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_link_facts" (
	"sent_event_id" bigint PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"link_id" text,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" text NOT NULL,
	"lang" text,
	"slug" text,
	"fix_id" text,
	"opened" boolean NOT NULL,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"outcome_event_id" bigint,
	"verified" boolean,
	"verified_at" timestamp with time zone,
	"verify_event_id" bigint
);
--> statement-breakpoint
DROP INDEX "case_events_kind_at";--> statement-breakpoint
ALTER TABLE "insight_case_facts" ADD CONSTRAINT "insight_case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_link_facts" ADD CONSTRAINT "insight_link_facts_sent_event_id_case_events_id_fk" FOREIGN KEY ("sent_event_id") REFERENCES "public"."case_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_link_facts" ADD CONSTRAINT "insight_link_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_link_facts_sent_at" ON "insight_link_facts" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "insight_link_facts_case_link" ON "insight_link_facts" USING btree ("case_id","link_id");--> statement-breakpoint
CREATE INDEX "case_events_case_kind_at" ON "case_events" USING btree ("case_id","kind","at");--> statement-breakpoint
-- What became of one link-sent event, read from its case's timeline: the same definitions the
-- fix-success report used to compute per request (opened at least once; the customer's latest
-- answer on the link; the case's latest verification at or after the link went out).
-- PL/pgSQL rather than SQL so its plan is cached per connection: a SQL function called for
-- each row is planned again on every call.
CREATE FUNCTION "insight_link_fact"("sent" "case_events") RETURNS "insight_link_facts" LANGUAGE plpgsql STABLE AS $$
DECLARE
  fact insight_link_facts;
BEGIN
  SELECT sent.id, sent.case_id, sent.payload->>'linkId', sent.at, sent.actor, sent.payload->>'lang', sent.payload->>'slug', sent.payload->>'fixId',
         EXISTS (SELECT 1 FROM case_events o WHERE o.case_id = sent.case_id AND o.kind = 'link-opened' AND o.payload->>'linkId' = sent.payload->>'linkId'),
         f.outcome, f.at, f.id, v.verified, v.at, v.id
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT e.payload->>'outcome' AS outcome, e.at, e.id FROM case_events e
    WHERE e.case_id = sent.case_id AND e.kind = 'feedback' AND e.payload->>'linkId' = sent.payload->>'linkId'
    ORDER BY e.at DESC, e.id DESC LIMIT 1) f ON true
  LEFT JOIN LATERAL (
    SELECT (e.payload->>'verified')::boolean AS verified, e.at, e.id FROM case_events e
    WHERE e.case_id = sent.case_id AND e.kind = 'verify' AND e.at >= sent.at
    ORDER BY e.at DESC, e.id DESC LIMIT 1) v ON true
  INTO fact;
  RETURN fact;
END
$$;
--> statement-breakpoint
-- Keeps insight_case_facts and insight_link_facts in step with every event appended to a
-- timeline, in the same transaction. Order-independent: a link-sent row reads what its case
-- already holds, and later events update the rows they concern only when they are newer
-- (by time, then id), so one statement inserting a whole timeline (a restore) ends the same
-- as events arriving one by one.
CREATE FUNCTION "insight_case_event_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'status' AND NEW.payload->>'to' = 'resolved' THEN
    INSERT INTO insight_case_facts AS f (case_id, resolved_at) VALUES (NEW.case_id, NEW.at)
    ON CONFLICT (case_id) DO UPDATE SET resolved_at = least(f.resolved_at, excluded.resolved_at);
  ELSIF NEW.kind = 'link-sent' THEN
    INSERT INTO insight_link_facts SELECT * FROM insight_link_fact(NEW) ON CONFLICT (sent_event_id) DO NOTHING;
  ELSIF NEW.kind = 'link-opened' THEN
    UPDATE insight_link_facts SET opened = true
    WHERE case_id = NEW.case_id AND link_id = NEW.payload->>'linkId' AND NOT opened;
  ELSIF NEW.kind = 'feedback' THEN
    UPDATE insight_link_facts SET outcome = NEW.payload->>'outcome', outcome_at = NEW.at, outcome_event_id = NEW.id
    WHERE case_id = NEW.case_id AND link_id = NEW.payload->>'linkId'
      AND (outcome_at IS NULL OR (NEW.at, NEW.id) > (outcome_at, outcome_event_id));
  ELSIF NEW.kind = 'verify' THEN
    UPDATE insight_link_facts SET verified = (NEW.payload->>'verified')::boolean, verified_at = NEW.at, verify_event_id = NEW.id
    WHERE case_id = NEW.case_id AND sent_at <= NEW.at
      AND (verified_at IS NULL OR (NEW.at, NEW.id) > (verified_at, verify_event_id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "insight_case_event_facts" AFTER INSERT ON "case_events" FOR EACH ROW EXECUTE FUNCTION "insight_case_event_facts"();
--> statement-breakpoint
-- The timelines written before this migration.
INSERT INTO "insight_case_facts" ("case_id", "resolved_at")
SELECT case_id, min(at) FROM case_events WHERE kind = 'status' AND payload->>'to' = 'resolved' GROUP BY case_id;
--> statement-breakpoint
INSERT INTO "insight_link_facts" SELECT f.* FROM case_events e CROSS JOIN LATERAL insight_link_fact(e) f WHERE e.kind = 'link-sent';
