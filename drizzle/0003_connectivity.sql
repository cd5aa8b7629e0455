CREATE TABLE "connectivity_nodes" (
	"region_code" text NOT NULL,
	"node_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"kind" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectivity_nodes_region_code_node_id_pk" PRIMARY KEY("region_code","node_id")
);
--> statement-breakpoint
CREATE TABLE "connectivity_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"objective" text NOT NULL,
	"budget" bigint,
	"goal" text DEFAULT '4g' NOT NULL,
	"radius_km" double precision NOT NULL,
	"priority_weight" double precision DEFAULT 0 NOT NULL,
	"catalogue" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"elapsed_ms" double precision DEFAULT 0 NOT NULL,
	"bound" double precision DEFAULT 0 NOT NULL,
	"gap" double precision DEFAULT 0 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"program_ids" jsonb,
	"programs_created_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connectivity_villages" (
	"region_code" text NOT NULL,
	"village_code" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"signal" text NOT NULL,
	"population" integer NOT NULL,
	"school" boolean DEFAULT false NOT NULL,
	"health" boolean DEFAULT false NOT NULL,
	"office" boolean DEFAULT false NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectivity_villages_region_code_village_code_pk" PRIMARY KEY("region_code","village_code")
);
--> statement-breakpoint
ALTER TABLE "connectivity_scenarios" ADD CONSTRAINT "connectivity_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connectivity_scenarios_region_idx" ON "connectivity_scenarios" USING btree ("region_code");