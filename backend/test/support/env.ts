// Runs before each test file's imports, so ConfigModule reads these when AppModule loads.
process.env.DATABASE_URL = process.env.TEST_DB_URL;
process.env.LOG_LEVEL = 'silent';
process.env.NODE_ENV = 'test';
