// Runs before each test file's imports, so ConfigModule reads these when AppModule loads.
process.env.DATABASE_URL = process.env.TEST_DB_URL;
process.env.LOG_LEVEL = 'silent';
process.env.NODE_ENV = 'test';
// A test file may set another region before it starts its app; the next file starts from US again.
process.env.DEFAULT_PHONE_REGION = 'US';
delete process.env.REDIS_URL;
// Tests run the follow-up job themselves, with an injected clock.
process.env.FOLLOW_UP_JOB_CRON = 'off';
// …and the SLA escalation job likewise.
process.env.SLA_JOB_CRON = 'off';
