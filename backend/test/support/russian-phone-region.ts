// Imported first by a test file whose dealership is Russian: numbers written without a country
// code are then Russian. It must run before AppModule is imported, as ConfigModule reads the
// environment then (test/support/env.ts sets US again for the next file).
process.env.DEFAULT_PHONE_REGION = 'RU';
