import { loadConfig, type Config } from '../../src/core/config.ts';
import { createApp } from '../../src/server.ts';
import type { App } from '../../src/core/http.ts';
import type { Database } from '../../src/core/db.ts';
import { testDatabase, type TestDatabase } from './db.ts';
import { testFilesDir, wilayahDir } from './engine.ts';

export const DEMO_PASSWORD = 'pilar-demo-2026';

export interface Reply<T = any> { status: number; body: T; headers: Record<string, unknown> }

/** A logged-in (or anonymous) client over app.inject: keeps the cookie and sends the CSRF token. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly app: App, readonly headers: Record<string, string> = {}) {}

  async request<T = any>(method: string, url: string, payload?: unknown, extra: Record<string, string> = {}): Promise<Reply<T>> {
    const r = await this.app.inject({
      method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}), ...extra },
    });
    const setCookie = r.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first?.startsWith('pilar_session=')) this.cookie = first.split(';')[0]!.endsWith('=') ? '' : first.split(';')[0]!;
    const json = r.headers['content-type']?.toString().includes('json');
    return { status: r.statusCode, body: (json ? r.json() : r.body) as T, headers: r.headers };
  }
  get<T = any>(url: string) { return this.request<T>('GET', url); }
  post<T = any>(url: string, body: unknown = {}) { return this.request<T>('POST', url, body); }
  patch<T = any>(url: string, body: unknown) { return this.request<T>('PATCH', url, body); }
  put<T = any>(url: string, body: unknown) { return this.request<T>('PUT', url, body); }
  delete<T = any>(url: string) { return this.request<T>('DELETE', url); }

  async login(email: string, password = DEMO_PASSWORD): Promise<this> {
    const r = await this.post('/api/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
    return this;
  }
}

export interface Harness {
  app: App;
  database: TestDatabase;
  logs: string[];
  get<T = any>(url: string): Promise<{ status: number; body: T }>;
  client(): Client;
  as(email: string): Promise<Client>;
  close(): Promise<void>;
}

export async function appOver(database: Database, overrides: Partial<Config> = {}, logs: string[] = []): Promise<App> {
  const app = await createApp(database, { ...loadConfig({}), filesDir: testFilesDir, wilayahDir, logLevel: 'info', loginRateLimit: 10_000, ...overrides }, {
    logStream: { write: (line: string) => void logs.push(line) },
  });
  await app.ready();
  return app;
}

/** The HTTP app over a fresh demo database, for app.inject() tests (no port). Logs are collected. */
export async function apiHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const database = await testDatabase();
  const logs: string[] = [];
  // Methods read harness.app, so a test may replace the app (e.g. to simulate a restart).
  const harness: Harness = {
    app: await appOver(database, overrides, logs), database, logs,
    async get(url) {
      const r = await harness.app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : (r.body as never) };
    },
    client: () => new Client(harness.app),
    as: (email) => new Client(harness.app).login(email),
    async close() {
      await harness.app.close();
      await database.close();
    },
  };
  return harness;
}
