import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded (PGlite) database; ignored when databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl: string | undefined;
  /** Folder with the shared wilayah reference files (boundaries, centroids, population). */
  wilayahDir: string;
  /** Base-map tile URL template for the portal maps; empty = boundaries only (offline). */
  tileUrl: string;
  logLevel: string;
  /** Secure flag of the session cookie: "auto" (when the request came over HTTPS), "true" or "false". */
  cookieSecure: 'auto' | 'true' | 'false';
  /** Login attempts allowed per IP per minute. */
  loginRateLimit: number;
  /** Folder of the evidence-file blob store (content-addressed; see docs/files.md). */
  filesDir: string;
  /** Largest accepted upload, in megabytes. */
  uploadMaxMb: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.PILAR_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    wilayahDir: path.resolve(env.PILAR_WILAYAH_DIR ?? '../shared/data/wilayah'),
    tileUrl: env.PILAR_TILE_URL ?? '',
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: (['true', 'false'].includes(env.PILAR_COOKIE_SECURE ?? '') ? env.PILAR_COOKIE_SECURE : 'auto') as Config['cookieSecure'],
    loginRateLimit: Number(env.PILAR_LOGIN_RATE_LIMIT ?? 10),
    filesDir: path.resolve(env.PILAR_FILES_DIR ?? path.join(env.PILAR_DATA_DIR ?? './data', 'files')),
    uploadMaxMb: Number(env.PILAR_UPLOAD_MAX_MB ?? 10),
  };
}
