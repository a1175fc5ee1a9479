import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The deal page: stock vehicles, trade-ins, offers, test drives (no double booking, by an
 * exclusion constraint), documents, tasks, messages, deadlines, lost reasons, linked contacts;
 * deal counters, long-term follow-up and the trash. Existing deadlines become open deadline rows.
 */
export class DealPage1795600003000 implements MigrationInterface {
    name = 'DealPage1795600003000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`CREATE TABLE "deal_contact" ("deal_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "role" character varying(60), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ad63e7e7236e9f04b5188508af" PRIMARY KEY ("deal_id", "contact_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_deal_contact_contact" ON "deal_contact"  ("contact_id") `);
        await queryRunner.query(`CREATE TABLE "deal_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(120) NOT NULL, "size" bigint NOT NULL, "storage_key" character varying(200) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_86848aa10fc5ba91fdf1ab38fbe" UNIQUE ("storage_key"), CONSTRAINT "PK_24ecd714c79addc0ffcf5072c83" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_deal_document_deal" ON "deal_document"  ("deal_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "deadline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(16), "note" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_deadline_resolved" CHECK ((outcome IS NULL) = (resolved_at IS NULL)), CONSTRAINT "ck_deadline_outcome" CHECK (outcome IS NULL OR outcome IN ('contacted', 'not_contacted')), CONSTRAINT "PK_9b68db28fc035ed8a84691bfbaf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_deadline_open" ON "deadline"  ("deal_id") WHERE resolved_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_deadline_deal" ON "deadline"  ("deal_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "lost_reason" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ca2e4dbbb43a817a9cfbe7e1e64" PRIMARY KEY ("id"))`);
        // Unique ignoring case ("Refused" and "refused" are one reason); not expressible in the entity.
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_lost_reason_name" ON "lost_reason" (lower("name"))`);
        await queryRunner.query(`CREATE TABLE "vehicle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vin" character varying(17) NOT NULL, "make" character varying(60) NOT NULL, "model" character varying(80) NOT NULL, "year" integer NOT NULL, "mileage" integer NOT NULL DEFAULT '0', "colour" character varying(40), "price" numeric(12,2) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'in_stock', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_960e864037056a9e38cb4277bdd" UNIQUE ("vin"), CONSTRAINT "ck_vehicle_mileage" CHECK (mileage >= 0), CONSTRAINT "ck_vehicle_price" CHECK (price >= 0), CONSTRAINT "ck_vehicle_status" CHECK (status IN ('in_stock', 'reserved', 'sold')), CONSTRAINT "PK_187fa17ba39d367e5604b3d1ec9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_vehicle_status_make" ON "vehicle"  ("status", "make", "model") `);
        await queryRunner.query(`CREATE TABLE "offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "vehicle_id" uuid NOT NULL, "price" numeric(12,2) NOT NULL, "discount" numeric(12,2) NOT NULL DEFAULT '0', "valid_until" TIMESTAMP WITH TIME ZONE, "status" character varying(10) NOT NULL DEFAULT 'active', "notes" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_offer_amounts" CHECK (price >= 0 AND discount >= 0 AND discount <= price), CONSTRAINT "ck_offer_status" CHECK (status IN ('active', 'withdrawn')), CONSTRAINT "PK_57c6ae1abe49201919ef68de900" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_offer_vehicle" ON "offer"  ("vehicle_id") `);
        await queryRunner.query(`CREATE INDEX "ix_offer_deal" ON "offer"  ("deal_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "to_address" character varying(254) NOT NULL, "subject" character varying(200) NOT NULL, "body" text NOT NULL, "offer_id" uuid, "status" character varying(8) NOT NULL, "error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "sending_since" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_message_status" CHECK (status IN ('sent', 'outbox', 'failed')), CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_message_status" ON "message"  ("status", "created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_message_deal" ON "message"  ("deal_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "title" character varying(200) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "assignee_id" uuid, "branch_id" uuid, "priority" character varying(8) NOT NULL DEFAULT 'normal', "notes" text, "done_at" TIMESTAMP WITH TIME ZONE, "done_by_id" uuid, "result" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_task_ends" CHECK (ends_at IS NULL OR (due_at IS NOT NULL AND ends_at >= due_at)), CONSTRAINT "ck_task_priority" CHECK (priority IN ('low', 'normal', 'high')), CONSTRAINT "ck_task_kind" CHECK (kind IN ('task', 'call', 'meeting')), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_task_assignee_open" ON "task"  ("assignee_id", "due_at") WHERE done_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_task_deal" ON "task"  ("deal_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "test_drive" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "vehicle_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "licence_checked" boolean NOT NULL DEFAULT false, "status" character varying(10) NOT NULL DEFAULT 'scheduled', "notes" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_test_drive_slot" CHECK (ends_at > starts_at), CONSTRAINT "ck_test_drive_status" CHECK (status IN ('scheduled', 'done', 'cancelled')), CONSTRAINT "xc_test_drive_vehicle_slot" EXCLUDE USING gist ("vehicle_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status <> 'cancelled'), CONSTRAINT "PK_f7f71908f29bb075811526c442e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_test_drive_deal" ON "test_drive"  ("deal_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "trade_in" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "make" character varying(60) NOT NULL, "model" character varying(80) NOT NULL, "year" integer, "vin" character varying(17), "mileage" integer, "appraisal_value" numeric(12,2), "notes" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5658d0f8dd61f6377acc3085a5a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_trade_in_deal" ON "trade_in"  ("deal_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "task_participant" ("task_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_4d0390f263ed545060e0e1a3099" PRIMARY KEY ("task_id", "user_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cc6f8b8ce321417a2e9507306a" ON "task_participant"  ("task_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_7581e6952bb605bf26939873b9" ON "task_participant"  ("user_id") `);
        await queryRunner.query(`ALTER TABLE "deal" ADD "trade_in_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "test_drive_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "offer_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "follow_up_until" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "trashed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "ix_deal_follow_up" ON "deal"  ("follow_up_until") WHERE follow_up_until IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_deal_open_activity" ON "deal"  ("last_activity_at") WHERE status = 'open' AND trashed_at IS NULL`);
        // The trash: hidden from the list view (whose index then leaves it out), listed newest-trashed first.
        await queryRunner.query(`DROP INDEX "public"."ix_deal_funnel_created"`);
        await queryRunner.query(`CREATE INDEX "ix_deal_funnel_created" ON "deal"  ("funnel_id", "status", "created_at") WHERE trashed_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_deal_trash" ON "deal"  ("trashed_at", "id") WHERE trashed_at IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "deal_contact" ADD CONSTRAINT "FK_a23901d79360e6cde0ee16ba549" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal_contact" ADD CONSTRAINT "FK_512dda1a007c60eee607a1536b9" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal_document" ADD CONSTRAINT "FK_2578f9934cc4937d4d6229f48ca" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal_document" ADD CONSTRAINT "FK_75e75db30591908ffec72197258" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "FK_7a8f5b45259ea8a6013e70e0fb3" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "FK_5dfec6e2bbcb7ddb6c4eca14bb3" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "FK_d392e10d8dd8162dda7f2921202" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_fff860807c0488895787c39a6bb" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_ba1a4369c0f5bcd740e2cf4e868" FOREIGN KEY ("vehicle_id") REFERENCES "vehicle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_227477acd69384ae1130d2018e4" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "message" ADD CONSTRAINT "FK_50d9e93df0d5e6f45e6bf219814" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "message" ADD CONSTRAINT "FK_c816f2344449cab976845302610" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "message" ADD CONSTRAINT "FK_950a2fb72e336abf4df61845639" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_5c28e19dbd3bd6cf7d0ac56baa1" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_75114a0b55080c15694f3d40ec9" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_bb9165bab2c4b1b43d77f05c4d2" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_02ab8e4d08f71eb492207f10651" FOREIGN KEY ("done_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_8c02c2c774eff4192dd44533db3" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "test_drive" ADD CONSTRAINT "FK_576d5a3895aa5c499f974622247" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "test_drive" ADD CONSTRAINT "FK_b35360617528e38372d1dd13078" FOREIGN KEY ("vehicle_id") REFERENCES "vehicle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "test_drive" ADD CONSTRAINT "FK_2a3402aa05dfed4dbff7a279698" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "trade_in" ADD CONSTRAINT "FK_f760081863afb93d2e57addb410" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "trade_in" ADD CONSTRAINT "FK_d6803e5edc2020aa49fb2909235" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_participant" ADD CONSTRAINT "FK_cc6f8b8ce321417a2e9507306af" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "task_participant" ADD CONSTRAINT "FK_7581e6952bb605bf26939873b94" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`INSERT INTO "deadline" ("deal_id", "due_at", "created_at") SELECT "id", "deadline_at", "created_at" FROM "deal" WHERE "deadline_at" IS NOT NULL AND "status" = 'open'`);
        await queryRunner.query(`INSERT INTO "lost_reason" ("name", "position") VALUES ('Refused', 1), ('Unreachable', 2), ('Bought elsewhere', 3), ('Too expensive', 4), ('Credit declined', 5), ('Invalid or duplicate', 6)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task_participant" DROP CONSTRAINT "FK_7581e6952bb605bf26939873b94"`);
        await queryRunner.query(`ALTER TABLE "task_participant" DROP CONSTRAINT "FK_cc6f8b8ce321417a2e9507306af"`);
        await queryRunner.query(`ALTER TABLE "trade_in" DROP CONSTRAINT "FK_d6803e5edc2020aa49fb2909235"`);
        await queryRunner.query(`ALTER TABLE "trade_in" DROP CONSTRAINT "FK_f760081863afb93d2e57addb410"`);
        await queryRunner.query(`ALTER TABLE "test_drive" DROP CONSTRAINT "FK_2a3402aa05dfed4dbff7a279698"`);
        await queryRunner.query(`ALTER TABLE "test_drive" DROP CONSTRAINT "FK_b35360617528e38372d1dd13078"`);
        await queryRunner.query(`ALTER TABLE "test_drive" DROP CONSTRAINT "FK_576d5a3895aa5c499f974622247"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_8c02c2c774eff4192dd44533db3"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_02ab8e4d08f71eb492207f10651"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_bb9165bab2c4b1b43d77f05c4d2"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_75114a0b55080c15694f3d40ec9"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_5c28e19dbd3bd6cf7d0ac56baa1"`);
        await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "FK_950a2fb72e336abf4df61845639"`);
        await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "FK_c816f2344449cab976845302610"`);
        await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "FK_50d9e93df0d5e6f45e6bf219814"`);
        await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_227477acd69384ae1130d2018e4"`);
        await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_ba1a4369c0f5bcd740e2cf4e868"`);
        await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_fff860807c0488895787c39a6bb"`);
        await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "FK_d392e10d8dd8162dda7f2921202"`);
        await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "FK_5dfec6e2bbcb7ddb6c4eca14bb3"`);
        await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "FK_7a8f5b45259ea8a6013e70e0fb3"`);
        await queryRunner.query(`ALTER TABLE "deal_document" DROP CONSTRAINT "FK_75e75db30591908ffec72197258"`);
        await queryRunner.query(`ALTER TABLE "deal_document" DROP CONSTRAINT "FK_2578f9934cc4937d4d6229f48ca"`);
        await queryRunner.query(`ALTER TABLE "deal_contact" DROP CONSTRAINT "FK_512dda1a007c60eee607a1536b9"`);
        await queryRunner.query(`ALTER TABLE "deal_contact" DROP CONSTRAINT "FK_a23901d79360e6cde0ee16ba549"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_trash"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_funnel_created"`);
        await queryRunner.query(`CREATE INDEX "ix_deal_funnel_created" ON "deal"  ("funnel_id", "status", "created_at") `);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_open_activity"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_follow_up"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "trashed_at"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "follow_up_until"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "offer_count"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "test_drive_count"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "trade_in_count"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7581e6952bb605bf26939873b9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cc6f8b8ce321417a2e9507306a"`);
        await queryRunner.query(`DROP TABLE "task_participant"`);
        await queryRunner.query(`DROP INDEX "public"."ix_trade_in_deal"`);
        await queryRunner.query(`DROP TABLE "trade_in"`);
        await queryRunner.query(`DROP INDEX "public"."ix_test_drive_deal"`);
        await queryRunner.query(`DROP TABLE "test_drive"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_deal"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_assignee_open"`);
        await queryRunner.query(`DROP TABLE "task"`);
        await queryRunner.query(`DROP INDEX "public"."ix_message_deal"`);
        await queryRunner.query(`DROP INDEX "public"."ix_message_status"`);
        await queryRunner.query(`DROP TABLE "message"`);
        await queryRunner.query(`DROP INDEX "public"."ix_offer_deal"`);
        await queryRunner.query(`DROP INDEX "public"."ix_offer_vehicle"`);
        await queryRunner.query(`DROP TABLE "offer"`);
        await queryRunner.query(`DROP INDEX "public"."ix_vehicle_status_make"`);
        await queryRunner.query(`DROP TABLE "vehicle"`);
        await queryRunner.query(`DROP INDEX "public"."uq_lost_reason_name"`);
        await queryRunner.query(`DROP TABLE "lost_reason"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deadline_deal"`);
        await queryRunner.query(`DROP INDEX "public"."uq_deadline_open"`);
        await queryRunner.query(`DROP TABLE "deadline"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_document_deal"`);
        await queryRunner.query(`DROP TABLE "deal_document"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_contact_contact"`);
        await queryRunner.query(`DROP TABLE "deal_contact"`);
    }

}
