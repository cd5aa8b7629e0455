CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"lat" double precision,
	"lng" double precision,
	"population" bigint,
	"area_km2" double precision,
	"boundary" jsonb
);
--> statement-breakpoint
CREATE TABLE "dimensions" (
	"framework_version" text NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "dimensions_framework_version_key_pk" PRIMARY KEY("framework_version","key")
);
--> statement-breakpoint
CREATE TABLE "elements" (
	"framework_version" text NOT NULL,
	"key" text NOT NULL,
	"dimension_key" text NOT NULL,
	"position" integer NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "elements_framework_version_key_pk" PRIMARY KEY("framework_version","key")
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"kpi_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"value_max" double precision,
	CONSTRAINT "kpi_targets_kpi_id_year_pk" PRIMARY KEY("kpi_id","year")
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	"baseline_value" double precision,
	"baseline_year" integer,
	"illustrative" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "masterplans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"framework_version" text NOT NULL,
	"title" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"mission" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"illustrative_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "masterplans_region_period_uq" UNIQUE("region_code","period_start")
);
--> statement-breakpoint
CREATE TABLE "opds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"abbreviation" text NOT NULL,
	"role" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opds_region_abbr_uq" UNIQUE("region_code","abbreviation")
);
--> statement-breakpoint
CREATE TABLE "program_budgets" (
	"program_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"amount" bigint NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "program_budgets_program_id_year_source_pk" PRIMARY KEY("program_id","year","source")
);
--> statement-breakpoint
CREATE TABLE "program_locations" (
	"program_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "program_locations_program_id_region_code_pk" PRIMARY KEY("program_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "program_supporting_opds" (
	"program_id" uuid NOT NULL,
	"opd_id" uuid NOT NULL,
	CONSTRAINT "program_supporting_opds_program_id_opd_id_pk" PRIMARY KEY("program_id","opd_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"masterplan_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"framework_version" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"element_key" text NOT NULL,
	"lead_opd_id" uuid NOT NULL,
	"horizon" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"service_name" text,
	"service_url" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_masterplan_code_uq" UNIQUE("masterplan_id","code")
);
--> statement-breakpoint
CREATE TABLE "quick_wins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"masterplan_id" uuid NOT NULL,
	"framework_version" text NOT NULL,
	"year" integer NOT NULL,
	"dimension_key" text NOT NULL,
	"program_id" uuid NOT NULL,
	"progress" double precision,
	"progress_illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quick_wins_uq" UNIQUE("masterplan_id","year","dimension_key")
);
--> statement-breakpoint
CREATE TABLE "readiness_analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"masterplan_id" uuid NOT NULL,
	"framework_version" text NOT NULL,
	"dimension_key" text NOT NULL,
	"aspect" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_uq" UNIQUE("masterplan_id","dimension_key","aspect")
);
--> statement-breakpoint
CREATE TABLE "swot_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"readiness_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dimensions" ADD CONSTRAINT "dimensions_framework_version_framework_versions_id_fk" FOREIGN KEY ("framework_version") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elements" ADD CONSTRAINT "elements_framework_version_dimension_key_dimensions_framework_version_key_fk" FOREIGN KEY ("framework_version","dimension_key") REFERENCES "public"."dimensions"("framework_version","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masterplans" ADD CONSTRAINT "masterplans_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masterplans" ADD CONSTRAINT "masterplans_framework_version_framework_versions_id_fk" FOREIGN KEY ("framework_version") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opds" ADD CONSTRAINT "opds_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_budgets" ADD CONSTRAINT "program_budgets_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_locations" ADD CONSTRAINT "program_locations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_locations" ADD CONSTRAINT "program_locations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_supporting_opds" ADD CONSTRAINT "program_supporting_opds_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_supporting_opds" ADD CONSTRAINT "program_supporting_opds_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_masterplan_id_masterplans_id_fk" FOREIGN KEY ("masterplan_id") REFERENCES "public"."masterplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_lead_opd_id_opds_id_fk" FOREIGN KEY ("lead_opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_framework_version_element_key_elements_framework_version_key_fk" FOREIGN KEY ("framework_version","element_key") REFERENCES "public"."elements"("framework_version","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_wins" ADD CONSTRAINT "quick_wins_masterplan_id_masterplans_id_fk" FOREIGN KEY ("masterplan_id") REFERENCES "public"."masterplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_wins" ADD CONSTRAINT "quick_wins_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_wins" ADD CONSTRAINT "quick_wins_framework_version_dimension_key_dimensions_framework_version_key_fk" FOREIGN KEY ("framework_version","dimension_key") REFERENCES "public"."dimensions"("framework_version","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_analyses" ADD CONSTRAINT "readiness_analyses_masterplan_id_masterplans_id_fk" FOREIGN KEY ("masterplan_id") REFERENCES "public"."masterplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_analyses" ADD CONSTRAINT "readiness_analyses_framework_version_dimension_key_dimensions_framework_version_key_fk" FOREIGN KEY ("framework_version","dimension_key") REFERENCES "public"."dimensions"("framework_version","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_readiness_id_readiness_analyses_id_fk" FOREIGN KEY ("readiness_id") REFERENCES "public"."readiness_analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_level_idx" ON "regions" USING btree ("level");--> statement-breakpoint
CREATE INDEX "regions_name_idx" ON "regions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "kpis_program_idx" ON "kpis" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "program_locations_region_idx" ON "program_locations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "pso_opd_idx" ON "program_supporting_opds" USING btree ("opd_id");--> statement-breakpoint
CREATE INDEX "programs_region_idx" ON "programs" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "programs_lead_opd_idx" ON "programs" USING btree ("lead_opd_id");