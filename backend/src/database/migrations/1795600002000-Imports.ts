import type { MigrationInterface, QueryRunner } from "typeorm";

/** Bulk imports of leads from CSV/XLSX files: the parsed rows, the settings, progress and refused rows. */
export class Imports1795600002000 implements MigrationInterface {
    name = 'Imports1795600002000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" character varying(255) NOT NULL, "format" character varying(8) NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'uploaded', "columns" jsonb NOT NULL, "rows" jsonb NOT NULL, "row_count" integer NOT NULL, "settings" jsonb, "processed" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "merged" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "failure_reason" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "heartbeat_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_import_job_format" CHECK (format IN ('csv', 'xlsx')), CONSTRAINT "ck_import_job_state" CHECK (state IN ('uploaded', 'running', 'done', 'failed')), CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_import_job_created" ON "import_job"  ("created_at") `);
        await queryRunner.query(`ALTER TABLE "import_job" ADD CONSTRAINT "FK_403eaf3ba5ffffba1e3393c8ca6" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "FK_403eaf3ba5ffffba1e3393c8ca6"`);
        await queryRunner.query(`DROP INDEX "public"."ix_import_job_created"`);
        await queryRunner.query(`DROP TABLE "import_job"`);
    }

}
