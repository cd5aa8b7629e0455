import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyBaseLogger, type RawServerDefault, type RawRequestDefaultExpression, type RawReplyDefaultExpression } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import { createHash } from 'node:crypto';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db.ts';
import { AppError, fromZodIssues } from './errors.ts';

export type App = FastifyInstance;
export interface AppContext { database: Database; config: Config }
/** A module's HTTP routes: a plugin registered under /api. */
export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
export type RoutesPlugin = (app: ZodApp, ctx: AppContext) => Promise<void> | void;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** CSP: our own scripts plus the hashes of index.html's inline scripts; tiles from the configured host. */
function contentSecurityPolicy(tileUrl: string) {
  const index = path.join(webDist, 'index.html');
  const html = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : '';
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  let tileOrigin = '';
  try {
    tileOrigin = tileUrl ? new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin : '';
  } catch { /* an unusable tile URL adds nothing */ }
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...hashes],
    // Leaflet and Swagger UI set inline styles.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
}

/** Path of the first string (or key) holding a NUL character, if any. */
function findNul(value: unknown, at: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at : undefined;
  if (!value || typeof value !== 'object' || depth > 20) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return at;
    const found = findNul(v, `${at}.${k}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export interface HttpOptions {
  logger?: boolean;
  /** Where log lines go (default stdout); tests collect them to prove secrets are never logged. */
  logStream?: { write(line: string): void };
}

export async function buildHttp(ctx: AppContext, modules: RoutesPlugin[], opts: HttpOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: ctx.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    trustProxy: true,
  });
  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(ctx.config.tileUrl) }, crossOriginEmbedderPolicy: false });
  app.setValidatorCompiler(validatorCompiler);
  // PostgreSQL text cannot hold NUL characters: refuse them up front, naming where they are.
  app.addHook('preValidation', async (req) => {
    const where = findNul(req.body, 'body') ?? findNul(req.query, 'query');
    if (where) throw new AppError(400, 'invalid', { id: `Isian "${where}" berisi karakter NUL yang tidak diizinkan`, en: `Field "${where}" contains a NUL character, which is not allowed` }, where);
  });
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toJSON());
    if (hasZodFastifySchemaValidationErrors(err)) {
      // fastify-type-provider-zod reports "querystring"/"body"/"params": name the field the same way.
      const where = (err.validationContext === 'querystring' ? 'query' : err.validationContext) ?? 'input';
      // Each entry is {keyword, instancePath, message, params}: rebuild the zod issue from it.
      const issues = err.validation.map((v) => ({
        ...(v.params as object), code: v.keyword, message: v.message, path: v.instancePath.split('/').filter(Boolean),
      }));
      const e = fromZodIssues(issues as never, where);
      return reply.status(400).send(e.toJSON());
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.status(status).send({ error: { code: 'internal', message: { id: 'Terjadi kesalahan di server', en: 'Internal server error' } } });
    }
    // Fastify's own 4xx (unreadable JSON, a forbidden __proto__ key, wrong content type, too large).
    const code = (err as { code?: string }).code ?? 'error';
    const isBody = code.startsWith('FST_ERR_CTP_');
    return reply.status(status).send({
      error: {
        code: isBody ? 'invalid_body' : code,
        message: isBody
          ? { id: `Isi permintaan tidak dapat dibaca (JSON rusak, kunci terlarang seperti __proto__, atau jenis isi salah): ${(err as Error).message}`, en: `The request body cannot be read (broken JSON, a forbidden key such as __proto__, or a wrong content type): ${(err as Error).message}` }
          : { id: `Permintaan ditolak: ${(err as Error).message}`, en: `Request refused: ${(err as Error).message}` },
        field: isBody ? 'body' : 'request',
      },
    });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Pilar API', version: '1', description: 'Smart city masterplans of Indonesian regions. Bahasa Indonesia first; see docs/api.md.' },
      tags: [{ name: 'wilayah' }, { name: 'framework' }, { name: 'masterplan' }, { name: 'system' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(async (api) => {
    for (const m of modules) await m(api.withTypeProvider<ZodTypeProvider>(), ctx);
  }, { prefix: '/api' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: { id: 'Alamat API tidak ada', en: 'No such API path' } } });
    }
    // A missing hashed asset (e.g. an old tab after a rebuild) must not get index.html as "JavaScript".
    if (req.url.startsWith('/assets/')) return reply.status(404).type('text/plain').send('Not found');
    if (fs.existsSync(path.join(webDist, 'index.html'))) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
    }
    return reply.status(404).type('text/plain').send('Pilar web app is not built: run `npm run build:web`.');
  });
  if (fs.existsSync(webDist)) {
    // Vite names assets by content hash: cache them for a year; index.html is revalidated.
    await app.register(fastifyStatic, {
      root: webDist,
      preCompressed: true,
      wildcard: false,
      setHeaders(reply, file) {
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
