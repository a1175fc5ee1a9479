import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppEnvironment } from '../config/env.js';
import { dataSourceOptions } from './data-source.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnvironment, true>) => {
        const url = config.get('DATABASE_URL', { infer: true });
        if (!url) throw new Error('DATABASE_URL is not set (main.ts sets it to the embedded database when it is missing)');
        return { ...dataSourceOptions(url), migrationsRun: true };
      },
    }),
  ],
})
export class DatabaseModule {}
