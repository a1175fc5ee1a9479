import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Running the team: users on duty with caps, funnel distribution and speed-to-lead settings,
 * stage rules (win probability, rotting, required fields), admin-edited deal types (deals keep
 * their codes), notifications, and the deal's stage / take / escalation / reassignment stamps.
 */
export class TeamRules1795600004000 implements MigrationInterface {
    name = 'TeamRules1795600004000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "ck_deal_type"`);
        await queryRunner.query(`CREATE TABLE "deal_type" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(80) NOT NULL, "position" integer NOT NULL DEFAULT '0', "system" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_6d7d550cb88944f588fbe2b0e2b" UNIQUE ("code"), CONSTRAINT "PK_3059b400ed4a307a2c92a31b8e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "body" text, "deal_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_notification_kind" CHECK (kind IN ('sla_escalated', 'deals_need_reassignment', 'deal_assigned')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_notification_unread" ON "notification"  ("user_id") WHERE read_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_notification_user" ON "notification"  ("user_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "stage" ADD "win_probability" smallint`);
        await queryRunner.query(`ALTER TABLE "stage" ADD "rot_after_days" integer`);
        await queryRunner.query(`ALTER TABLE "stage" ADD "required_fields" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "funnel" ADD "distribution" character varying(16) NOT NULL DEFAULT 'off'`);
        await queryRunner.query(`ALTER TABLE "funnel" ADD "sla_warn_minutes" integer`);
        await queryRunner.query(`ALTER TABLE "funnel" ADD "sla_escalate_minutes" integer`);
        await queryRunner.query(`ALTER TABLE "ad_channel" ADD "branch_id" uuid`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "on_duty" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "max_open_deals" integer`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "last_auto_assigned_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "session_epoch" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "taken_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "sla_escalated_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "reassignment_flagged_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "funnel_event" ADD "deal_before" jsonb`);
        await queryRunner.query(`ALTER TABLE "deal" ALTER COLUMN "type" TYPE character varying(40)`);
        await queryRunner.query(`INSERT INTO "deal_type" ("code", "name", "position", "system") VALUES
            ('internet_lead', 'Internet lead', 1, true), ('phone_up', 'Phone call', 2, true), ('chat', 'Chat', 3, true),
            ('sms', 'SMS', 4, true), ('walk_in', 'Walk-in', 5, true)`);
        // Existing deals: the stage clock from the last event that brought them into their stage,
        // the take from the first event that gave them a responsible.
        await queryRunner.query(`UPDATE "deal" d SET "stage_entered_at" = COALESCE(
            (SELECT max(e."at") FROM "funnel_event" e WHERE e."deal_id" = d."id" AND e."data"->>'toStageId' = d."stage_id"::text), d."created_at")`);
        await queryRunner.query(`UPDATE "deal" d SET "taken_at" = t."at"
            FROM (SELECT "deal_id", min("at") AS "at" FROM "funnel_event"
                   WHERE "type" IN ('deal.created', 'deal.taken', 'deal.assigned', 'deal.moved', 'deal.closed') AND "data"->>'responsibleId' IS NOT NULL
                   GROUP BY "deal_id") t
           WHERE t."deal_id" = d."id"`);
        await queryRunner.query(`UPDATE "deal" SET "taken_at" = "created_at" WHERE "taken_at" IS NULL AND "responsible_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_deal_branch" ON "deal"  ("branch_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_deal_sla_pending" ON "deal"  ("funnel_id", "stage_entered_at") WHERE responsible_id IS NULL AND status = 'open' AND sla_escalated_at IS NULL AND trashed_at IS NULL`);
        await queryRunner.query(`ALTER TABLE "stage" ADD CONSTRAINT "ck_stage_rot_after_days" CHECK (rot_after_days IS NULL OR rot_after_days > 0)`);
        await queryRunner.query(`ALTER TABLE "stage" ADD CONSTRAINT "ck_stage_win_probability" CHECK (win_probability IS NULL OR win_probability BETWEEN 0 AND 100)`);
        await queryRunner.query(`ALTER TABLE "funnel" ADD CONSTRAINT "ck_funnel_sla" CHECK ((sla_warn_minutes IS NULL OR sla_warn_minutes > 0) AND (sla_escalate_minutes IS NULL OR sla_escalate_minutes > 0) AND (sla_warn_minutes IS NULL OR sla_escalate_minutes IS NULL OR sla_warn_minutes < sla_escalate_minutes))`);
        await queryRunner.query(`ALTER TABLE "funnel" ADD CONSTRAINT "ck_funnel_distribution" CHECK (distribution IN ('off', 'round_robin', 'least_busy'))`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_max_open_deals" CHECK (max_open_deals IS NULL OR max_open_deals >= 0)`);
        // The speed-to-lead escalation makes urgent call-back tasks.
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "ck_task_priority"`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "ck_task_priority" CHECK (priority IN ('low', 'normal', 'high', 'urgent'))`);
        await queryRunner.query(`ALTER TABLE "ad_channel" ADD CONSTRAINT "FK_2bb708f1476d177fcfa06cab178" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_e4a0df0cb09aaaaebdc112cbcf9" FOREIGN KEY ("type") REFERENCES "deal_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_85c40cf5401f35f0fb2df43a7bf" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_85c40cf5401f35f0fb2df43a7bf"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_e4a0df0cb09aaaaebdc112cbcf9"`);
        await queryRunner.query(`ALTER TABLE "ad_channel" DROP CONSTRAINT "FK_2bb708f1476d177fcfa06cab178"`);
        await queryRunner.query(`UPDATE "task" SET "priority" = 'high' WHERE "priority" = 'urgent'`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "ck_task_priority"`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "ck_task_priority" CHECK (priority IN ('low', 'normal', 'high'))`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_max_open_deals"`);
        await queryRunner.query(`ALTER TABLE "funnel" DROP CONSTRAINT "ck_funnel_distribution"`);
        await queryRunner.query(`ALTER TABLE "funnel" DROP CONSTRAINT "ck_funnel_sla"`);
        await queryRunner.query(`ALTER TABLE "stage" DROP CONSTRAINT "ck_stage_win_probability"`);
        await queryRunner.query(`ALTER TABLE "stage" DROP CONSTRAINT "ck_stage_rot_after_days"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_sla_pending"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deal_branch"`);
        await queryRunner.query(`ALTER TABLE "deal" ALTER COLUMN "type" TYPE character varying(20)`);
        await queryRunner.query(`ALTER TABLE "funnel_event" DROP COLUMN "deal_before"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "reassignment_flagged_at"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "sla_escalated_at"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "taken_at"`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "stage_entered_at"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "session_epoch"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "last_auto_assigned_at"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "max_open_deals"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "on_duty"`);
        await queryRunner.query(`ALTER TABLE "ad_channel" DROP COLUMN "branch_id"`);
        await queryRunner.query(`ALTER TABLE "funnel" DROP COLUMN "sla_escalate_minutes"`);
        await queryRunner.query(`ALTER TABLE "funnel" DROP COLUMN "sla_warn_minutes"`);
        await queryRunner.query(`ALTER TABLE "funnel" DROP COLUMN "distribution"`);
        await queryRunner.query(`ALTER TABLE "stage" DROP COLUMN "required_fields"`);
        await queryRunner.query(`ALTER TABLE "stage" DROP COLUMN "rot_after_days"`);
        await queryRunner.query(`ALTER TABLE "stage" DROP COLUMN "win_probability"`);
        await queryRunner.query(`DROP INDEX "public"."ix_notification_user"`);
        await queryRunner.query(`DROP INDEX "public"."ix_notification_unread"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP TABLE "deal_type"`);
        await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "ck_deal_type" CHECK (((type)::text = ANY ((ARRAY['internet_lead'::character varying, 'phone_up'::character varying, 'chat'::character varying, 'sms'::character varying, 'walk_in'::character varying])::text[])))`);
    }

}
