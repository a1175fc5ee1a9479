import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Quick search on 100k contacts, and leads converted to customers.
 *
 * Search: trigram indexes on the accent-free name and on the joined phones and emails, so
 * `ILIKE '%…%'` on each is an index scan. unaccent() and array_to_string() are only STABLE
 * (they could depend on settings), which an index expression may not be: the af_ wrappers
 * declare them IMMUTABLE, which holds for the fixed dictionary and for text[] they are used with.
 * The plain trigram index on the name is replaced by the accent-free one.
 *
 * Customers: a customer number and conversion time on contact, and the number series the
 * numbers come from (key `customer`: C-000001, C-000002, …).
 */
export class ContactSearchAndCustomers1795600001000 implements MigrationInterface {
    name = 'ContactSearchAndCustomers1795600001000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
        await queryRunner.query(`CREATE FUNCTION af_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
        await queryRunner.query(`CREATE FUNCTION af_joined(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT array_to_string($1, ' ') $$`);
        await queryRunner.query(`DROP INDEX "public"."ix_contact_name_trgm"`);
        await queryRunner.query(`CREATE INDEX "ix_contact_name_search" ON "contact" USING gin (af_unaccent("name") gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_contact_phones_search" ON "contact" USING gin (af_joined("phones") gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "ix_contact_emails_search" ON "contact" USING gin (af_joined("emails") gin_trgm_ops)`);

        await queryRunner.query(`CREATE TABLE "number_series" ("key" character varying(40) NOT NULL, "prefix" character varying(10) NOT NULL, "next_value" integer NOT NULL DEFAULT '1', "padding" integer NOT NULL DEFAULT '6', CONSTRAINT "ck_number_series_padding" CHECK (padding BETWEEN 0 AND 20), CONSTRAINT "ck_number_series_next_value" CHECK (next_value > 0), CONSTRAINT "PK_dbf096f484ca5a141d97488aee0" PRIMARY KEY ("key"))`);
        await queryRunner.query(`INSERT INTO "number_series" ("key", "prefix", "next_value", "padding") VALUES ('customer', 'C-', 1, 6)`);
        await queryRunner.query(`ALTER TABLE "contact" ADD "customer_number" character varying(30)`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "UQ_7fcc0449b81a357484bace3f029" UNIQUE ("customer_number")`);
        await queryRunner.query(`ALTER TABLE "contact" ADD "converted_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "ck_contact_customer" CHECK ((customer_number IS NULL) = (converted_at IS NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "ck_contact_customer"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "converted_at"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "UQ_7fcc0449b81a357484bace3f029"`);
        await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "customer_number"`);
        await queryRunner.query(`DROP TABLE "number_series"`);

        await queryRunner.query(`DROP INDEX "public"."ix_contact_emails_search"`);
        await queryRunner.query(`DROP INDEX "public"."ix_contact_phones_search"`);
        await queryRunner.query(`DROP INDEX "public"."ix_contact_name_search"`);
        await queryRunner.query(`CREATE INDEX "ix_contact_name_trgm" ON "contact" USING gin ("name" gin_trgm_ops)`);
        await queryRunner.query(`DROP FUNCTION af_joined(text[])`);
        await queryRunner.query(`DROP FUNCTION af_unaccent(text)`);
        await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
    }

}
