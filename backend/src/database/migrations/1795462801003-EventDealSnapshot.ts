import type { MigrationInterface, QueryRunner } from "typeorm";

/** Each event keeps the deal as it was right after it, for live boards and replays. */
export class EventDealSnapshot1795462801003 implements MigrationInterface {
    name = 'EventDealSnapshot1795462801003'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "funnel_event" ADD "deal_snapshot" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "funnel_event" DROP COLUMN "deal_snapshot"`);
    }
}
