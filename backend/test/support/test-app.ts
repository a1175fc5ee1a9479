import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { FunnelDto, Role } from '@autofunnel/shared';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { Branch } from '../../src/users/branch.entity.js';
import { User } from '../../src/users/user.entity.js';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  branchId: string | null;
  token: string;
  auth: { Authorization: string };
}

/** The real app (every module, global pipes, filter and guard) on the run's test database. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly dataSource: DataSource,
  ) {}

  /** Listens on a free local port, so socket.io clients can connect too. */
  static async start(options: { redisUrl?: string; override?: (builder: TestingModuleBuilder) => TestingModuleBuilder } = {}): Promise<TestApp> {
    // What else shares state through Redis (the intake rate limits) reads REDIS_URL from the
    // environment when the app is compiled, as in production (env.ts clears it for the next file).
    if (options.redisUrl) process.env.REDIS_URL = options.redisUrl;
    const builder = Test.createTestingModule({ imports: [AppModule] });
    const moduleRef = await (options.override ? options.override(builder) : builder).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    await configureApp(app, options);
    await app.listen(0, '127.0.0.1');
    return new TestApp(app, app.get(DataSource));
  }

  /** http://127.0.0.1:<port> of the listening app. */
  async url(): Promise<string> {
    return this.app.getUrl().then((url) => url.replace('[::1]', '127.0.0.1'));
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /** A user with a fresh unique email, in a new branch unless one is given, with a signed token. */
  async user(role: Role, options: { branchId?: string | null; name?: string; password?: string; active?: boolean } = {}): Promise<TestUser> {
    const branchId = options.branchId === undefined ? (await this.branch()).id : options.branchId;
    const suffix = randomUUID().slice(0, 8);
    const user = await this.dataSource.getRepository(User).save({
      email: `${role}-${suffix}@test.local`,
      name: options.name ?? `${role} ${suffix}`,
      role,
      branchId,
      passwordHash: await argon2.hash(options.password ?? 'secret-password'),
      active: options.active ?? true,
    });
    const token = await this.app.get(JwtService).signAsync({ sub: user.id });
    return { id: user.id, email: user.email, name: user.name, role, branchId, token, auth: { Authorization: `Bearer ${token}` } };
  }

  branch(): Promise<Branch> {
    return this.dataSource.getRepository(Branch).save({ name: `Branch ${randomUUID().slice(0, 8)}` });
  }

  /** A funnel with the 8 default stages (or the given ones), created through the API. */
  async funnel(admin: TestUser, stages?: { name: string; color?: string }[]): Promise<FunnelDto> {
    const response = await this.http.post('/api/funnels').set(admin.auth).send({ name: `Funnel ${randomUUID().slice(0, 8)}`, stages }).expect(201);
    return response.body as FunnelDto;
  }
}

/** A phone number unique enough per test run, valid for the default region (US). */
export function uniquePhone(): string {
  const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0');
  return `+1 212 ${digits.slice(0, 3).replace(/^[01]/, '3')} ${digits.slice(3)}`;
}

export function uniqueEmail(): string {
  return `customer-${randomUUID().slice(0, 12)}@example.com`;
}
