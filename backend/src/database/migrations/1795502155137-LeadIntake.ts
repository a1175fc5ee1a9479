import type { MigrationInterface, QueryRunner } from "typeorm";

/** Advertising channels with hashed API keys, the log of received requests (idempotency), and the "new request" flag on deals. */
export class LeadIntake1795502155137 implements MigrationInterface {
    name = 'LeadIntake1795502155137'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "ad_channel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "kind" character varying(16) NOT NULL, "funnel_id" uuid NOT NULL, "source_id" uuid, "merge_repeat_requests" boolean NOT NULL DEFAULT true, "rate_limit_per_minute" integer NOT NULL DEFAULT '120', "api_key_hash" character varying(64) NOT NULL, "api_key_prefix" character varying(16) NOT NULL, "active" boolean NOT NULL DEFAULT true, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c48b8e1b16e3212d53626b9c18c" UNIQUE ("name"), CONSTRAINT "UQ_7a16bbb84014396cc24944ae7a0" UNIQUE ("api_key_hash"), CONSTRAINT "ck_ad_channel_kind" CHECK (kind IN ('phone', 'web', 'messenger', 'partner')), CONSTRAINT "PK_ce8feebb49aba61e3e9b078b2aa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "intake_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel_id" uuid, "idempotency_key" character varying(300), "kind" character varying(16) NOT NULL, "deal_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "created_deal" boolean NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_intake_request_kind" CHECK (kind IN ('call', 'form', 'message', 'adf', 'email')), CONSTRAINT "PK_ad52888b32c807f921cfd4e92e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_intake_request_received" ON "intake_request"  ("received_at") `);
        await queryRunner.query(`CREATE INDEX "ix_intake_request_deal" ON "intake_request"  ("deal_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_intake_request_key" ON "intake_request"  ("channel_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "deal" ADD "new_request_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "deal" ALTER COLUMN "channel" TYPE character varying(120)`);
        await queryRunner.query(`ALTER TABLE "ad_channel" ADD CONSTRAINT "FK_03c8e6f6a1417ce849b14e33c40" FOREIGN KEY ("funnel_id") REFERENCES "funnel"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ad_channel" ADD CONSTRAINT "FK_3cd77896c81ff925221bb4b6883" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "intake_request" ADD CONSTRAINT "FK_11bdaaccd50cee14a0bd189076c" FOREIGN KEY ("channel_id") REFERENCES "ad_channel"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "intake_request" ADD CONSTRAINT "FK_98f2011a5809ed49ab255fd8bf8" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "intake_request" ADD CONSTRAINT "FK_fc009354d90edb5924587f4a880" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "intake_request" DROP CONSTRAINT "FK_fc009354d90edb5924587f4a880"`);
        await queryRunner.query(`ALTER TABLE "intake_request" DROP CONSTRAINT "FK_98f2011a5809ed49ab255fd8bf8"`);
        await queryRunner.query(`ALTER TABLE "intake_request" DROP CONSTRAINT "FK_11bdaaccd50cee14a0bd189076c"`);
        await queryRunner.query(`ALTER TABLE "ad_channel" DROP CONSTRAINT "FK_3cd77896c81ff925221bb4b6883"`);
        await queryRunner.query(`ALTER TABLE "ad_channel" DROP CONSTRAINT "FK_03c8e6f6a1417ce849b14e33c40"`);
        await queryRunner.query(`ALTER TABLE "deal" ALTER COLUMN "channel" TYPE character varying(60)`);
        await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "new_request_at"`);
        await queryRunner.query(`DROP INDEX "public"."ux_intake_request_key"`);
        await queryRunner.query(`DROP INDEX "public"."ix_intake_request_deal"`);
        await queryRunner.query(`DROP INDEX "public"."ix_intake_request_received"`);
        await queryRunner.query(`DROP TABLE "intake_request"`);
        await queryRunner.query(`DROP TABLE "ad_channel"`);
    }

}
