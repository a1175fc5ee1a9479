/** Where `npm start` keeps its embedded database when DATABASE_URL is unset. */
export const EMBEDDED_APP_DATABASE = {
  dirName: 'postgres',
  port: Number(process.env.EMBEDDED_PG_PORT ?? 5499),
  database: 'autofunnel',
} as const;

/** The embedded cluster `npm test` starts when neither TEST_DATABASE_URL nor DATABASE_URL is set. */
export const EMBEDDED_TEST_DATABASE = {
  dirName: 'postgres-test',
  port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 5498),
} as const;
