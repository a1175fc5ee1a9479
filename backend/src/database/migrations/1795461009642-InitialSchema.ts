import type { MigrationInterface, QueryRunner } from "typeorm";

/** Users, branches, sources, funnels and stages, contacts, deals and the funnel event log. */
export class InitialSchema1795461009642 implements MigrationInterface {
    name = 'InitialSchema1795461009642'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Trigram indexes make ILIKE '%…%' search on names and titles fast.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE SEQUENCE "deal_code_seq" START 1001`);
        await queryRunner.query(`CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL DEFAULT 'person', "name" character varying(200) NOT NULL, "phones" text array NOT NULL DEFAULT '{}', "emails" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_contact_kind" CHECK (kind IN ('person', 'company')), CONSTRAINT "PK_2cbbe00f59ab6b3bb5b8d19f989" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "stage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "funnel_id" uuid NOT NULL, "name" character varying(80) NOT NULL, "color" character varying(7) NOT NULL, "kind" character varying(16) NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stage_funnel_position" UNIQUE ("funnel_id", "position") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "ck_stage_kind" CHECK (kind IN ('unassigned', 'open', 'won')), CONSTRAINT "PK_c54d11b3c24a188262844af1612" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_stage_one_won" ON "stage"  ("funnel_id") WHERE kind = 'won'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_stage_one_unassigned" ON "stage"  ("funnel_id") WHERE kind = 'unassigned'`);
        await queryRunner.query(`CREATE TABLE "funnel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "last_seq" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c4816db3aa8f29707bda0612c7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "branch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d6d14945d4352867ecc62bcf85c" UNIQUE ("name"), CONSTRAINT "PK_2e39f426e2faefdaa93c5961976" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" character varying(16) NOT NULL, "branch_id" uuid, "phone_extension" character varying(16), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "ck_app_user_role" CHECK (role IN ('admin', 'lead', 'manager')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "source" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e64619e22dc97d6525c86ef8af5" UNIQUE ("name"), CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "deal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL DEFAULT concat('D-', nextval('deal_code_seq')), "title" character varying(200) NOT NULL, "funnel_id" uuid NOT NULL, "stage_id" uuid NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'open', "responsible_id" uuid, "branch_id" uuid, "contact_id" uuid NOT NULL, "source_id" uuid, "channel" character varying(60), "type" character varying(20), "amount" numeric(12,2), "vehicle_interest" character varying(200), "position" character varying(64) COLLATE "C" NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline_at" TIMESTAMP WITH TIME ZONE, "lost_reason" character varying(200), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_545a65ca70e2be28a9ebb07bc65" UNIQUE ("code"), CONSTRAINT "uq_deal_stage_position" UNIQUE ("stage_id", "position"), CONSTRAINT "ck_deal_amount" CHECK (amount >= 0), CONSTRAINT "ck_deal_type" CHECK (type IN ('internet_lead', 'phone_up', 'chat', 'sms', 'walk_in')), CONSTRAINT "ck_deal_status" CHECK (status IN ('open', 'won', 'lost')), CONSTRAINT "PK_9ce1c24acace60f6d7dc7a7189e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_deal_contact" ON "deal"  ("contact_id") `);
        await queryRunner.query(`CREATE INDEX "ix_deal_responsible" ON "deal"  ("responsible_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_deal_funnel_created" ON "deal"  ("funnel_id", "status", "created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_deal_board" ON "deal"  ("stage_id", "status", "position") `);
        await queryRunner.query(`CREATE TABLE "funnel_event" ("funnel_id" uuid NOT NULL, "seq" bigint NOT NULL, "type" character varying(40) NOT NULL, "deal_id" uuid, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "data" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_7f60c285ee56d2dbcc8f23b3286" PRIMARY KEY ("funnel_id", "seq"))`);
        await queryRunner.query(`CREATE INDEX "ix_funnel_event_deal" ON "funnel_event"  ("deal_id", "seq") `);
        await queryRunner.query(`ALTER TABLE "stage" ADD CONSTRAINT "FK_1e48ec3f8c5dd728684b1d2c43b" FOREIGN KEY ("funnel_id") REFERENCES "funnel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_20bf3bc32bc4cecd63963cc87c2" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_67b52eff96c5097a5f3ab7ef598" FOREIGN KEY ("funnel_id") REFERENCES "funnel"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_b15c8b643984dd7f673ba7e82cd" FOREIGN KEY ("stage_id") REFERENCES "stage"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_a812fc56582a602b356d99da100" FOREIGN KEY ("responsible_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_172c865f7f090811b5b8592a96f" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_97ec7205851b9ae468fb0a66ff8" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_21303e5804b3742aaceb49f8cdf" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "funnel_event" ADD CONSTRAINT "FK_c52343ca3447dc054755e957526" FOREIGN KEY ("funnel_id") REFERENCES "funnel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "funnel_event" ADD CONSTRAINT "FK_5e6bd1911c5977d1be14dfd663f" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "funnel_event" ADD CONSTRAINT "FK_c748f77890d2eddab163e18b067" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE INDEX "ix_contact_phones" ON "contact" USING gin ("phones")`);
        await queryRunner.query(`CREATE INDEX "ix_contact_emails" ON "contact" USING gin ("emails")`);
        await queryRunner.query(`CREATE INDEX "ix_contact_name_trgm" ON "contact" USING gin ("name" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_deal_title_trgm" ON "deal" USING gin ("title" gin_trgm_ops)`);
        await queryRunner.query(`ALTER SEQUENCE "deal_code_seq" OWNED BY "deal"."code"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_deal_title_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_contact_name_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."ix_contact_emails"`);
        await queryRunner.query(`DROP INDEX "public"."ix_contact_phones"`);
        await queryRunner.query(`ALTER TABLE "funnel_event" DROP CONSTRAINT "FK_c748f77890d2eddab163e18b067"`);
        await queryRunner.query(`ALTER TABLE "funnel_event" DROP CONSTRAINT "FK_5e6bd1911c5977d1be14dfd663f"`);
        await queryRunner.query(`ALTER TABLE "funnel_event" DROP CONSTRAINT "FK_c52343ca3447dc054755e957526"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_21303e5804b3742aaceb49f8cdf"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_97ec7205851b9ae468fb0a66ff8"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_172c865f7f090811b5b8592a96f"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_a812fc56582a602b356d99da100"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_b15c8b643984dd7f673ba7e82cd"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_67b52eff96c5097a5f3ab7ef598"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_20bf3bc32bc4cecd63963cc87c2"`);
        await queryRunner.query(`ALTER TABLE "stage" DROP CONSTRAINT "FK_1e48ec3f8c5dd728684b1d2c43b"`);
        await queryRunner.query(`DROP INDEX "public"."ix_funnel_event_deal"`);
        await queryRunner.query(`DROP TABLE "funnel_event"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_board"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_funnel_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_responsible"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_contact"`);
        await queryRunner.query(`DROP TABLE "deal"`);
        await queryRunner.query(`DROP TABLE "source"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP TABLE "branch"`);
        await queryRunner.query(`DROP TABLE "funnel"`);
        await queryRunner.query(`DROP INDEX "public"."ux_stage_one_unassigned"`);
        await queryRunner.query(`DROP INDEX "public"."ux_stage_one_won"`);
        await queryRunner.query(`DROP TABLE "stage"`);
        await queryRunner.query(`DROP TABLE "contact"`);
        await queryRunner.query(`DROP SEQUENCE IF EXISTS "deal_code_seq"`);
    }
}
