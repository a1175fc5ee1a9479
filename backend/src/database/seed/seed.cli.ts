/** `npm run seed`: migrate, wipe and (re)create the demo dealership in DATABASE_URL or the embedded database. */
import 'reflect-metadata';
import dataSource from '../cli-data-source.js';
import { seedDemoData } from './seed.js';

await dataSource.initialize();
await dataSource.runMigrations();
await seedDemoData(dataSource);
await dataSource.destroy();
console.log('Demo dealership created: sign in as admin@demo.local, lead@demo.local, anna@demo.local or boris@demo.local with password demo1234');
process.exit(0);
