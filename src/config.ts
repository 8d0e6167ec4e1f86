import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from './clock.js';
import { isPostgresUrl } from './engine/pg.js';
import { eurToCents } from './money.js';
import { type FilesConfig, filesConfigFromEnv } from './files/config.js';
import { judgeOptionsFromEnv } from './validation/config.js';
import type { JudgeOptions } from './validation/service.js';

/** Everything configurable, read once from the environment (and CLI flags layered on top). */
export type Config = {
  backend: 'embedded' | 'hosted';
  apiKey: string | undefined;
  apiUrl: string;
  dataDir: string;
  /** VOXPACT_DATABASE_URL (or --database-url): the marketplace on PostgreSQL (docs/scaling.md) instead of <dataDir>/voxpact.db. */
  databaseUrl?: string;
  clockOffsetMs: number;
  /** Spending rails of this server (beyond the engine's monthly cap). */
  maxJobCents: number | null;
  confirmAboveCents: number | null;
  timerIntervalMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** VOXPACT_WEBHOOK_ALLOW_LOOPBACK=1: webhooks may go to http(s)://127.0.0.1 / localhost (development, tests). */
  webhookAllowLoopback: boolean;
  /** HTTP transport (src/api): where `--transport http` listens (flags --host/--port override). */
  httpHost?: string;
  httpPort?: number;
  /** Extra Origin / Host values /mcp accepts besides localhost, 127.0.0.1, [::1] and the bound host (DNS-rebinding protection). */
  allowedOrigins?: string[];
  allowedHosts?: string[];
  /** Behind reverse proxies (VOXPACT_TRUST_PROXY=N ≥ 1): X-Forwarded-Proto is believed, and the client IP is the X-Forwarded-For entry the outermost of N proxies appended. */
  trustProxy?: boolean;
  /** How many proxies in front of this server append to X-Forwarded-For (VOXPACT_TRUST_PROXY=N; default 1 when trustProxy). */
  trustProxyHops?: number;
  /** An MCP session over HTTP with no request and no open stream for this long is closed. */
  mcpSessionIdleMs?: number;
  /** File transfer: VOXPACT_FILES_PORT, VOXPACT_PUBLIC_URL, VOXPACT_FILES_DIR, VOXPACT_S3_* (src/files/config.ts). Pass to Engine.open({ files }). */
  files?: FilesConfig;
  /** Validation and arbitration judges: VOXPACT_JUDGE_URL, _MODEL, _API_KEY, _TIMEOUT (src/validation/config.ts). Pass to engine.judging.configure. */
  judges?: JudgeOptions;
  /** VOXPACT_ADMIN_EMAILS (comma-separated): owners whose web session may use the admin pages (src/web). */
  adminEmails?: string[];
};

const csv = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
function idleEnv(v: string): number {
  let ms = NaN;
  try {
    ms = parseDuration(v);
  } catch { /* below */ }
  if (!(ms > 0)) throw new Error(`VOXPACT_MCP_SESSION_IDLE must be a positive duration like 30m, 2h or 90s (got '${v}')`);
  return ms;
}

function eurEnv(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const c = eurToCents(Number(raw));
  if (typeof c === 'string' || c < 0) throw new Error(`${name} must be a non-negative EUR amount with at most 2 decimals (got '${raw}')`);
  return c;
}

/** VOXPACT_DATABASE_URL: empty means none; anything else must be a PostgreSQL URL. */
export function databaseUrlOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!isPostgresUrl(raw)) throw new Error(`VOXPACT_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); got '${raw.replace(/:[^:@/]*@/, ':***@')}'. Without it the marketplace is the SQLite file <data dir>/voxpact.db`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const backend = (env.VOXPACT_BACKEND ?? 'embedded') as Config['backend'];
  if (backend !== 'embedded' && backend !== 'hosted') throw new Error(`VOXPACT_BACKEND must be 'embedded' or 'hosted' (got '${backend}')`);
  const level = (env.VOXPACT_LOG_LEVEL ?? 'info') as Config['logLevel'];
  return {
    backend,
    apiKey: env.VOXPACT_API_KEY || undefined,
    apiUrl: env.VOXPACT_API_URL ?? 'https://api.voxpact.com',
    dataDir: env.VOXPACT_DATA_DIR ?? join(homedir(), '.voxpact'),
    databaseUrl: databaseUrlOf(env.VOXPACT_DATABASE_URL),
    clockOffsetMs: env.VOXPACT_CLOCK_OFFSET ? parseDuration(env.VOXPACT_CLOCK_OFFSET) : 0,
    maxJobCents: eurEnv(env, 'VOXPACT_MAX_JOB_EUR'),
    confirmAboveCents: eurEnv(env, 'VOXPACT_CONFIRM_ABOVE_EUR'),
    timerIntervalMs: Number(env.VOXPACT_TIMER_INTERVAL_MS ?? 5000),
    logLevel: ['debug', 'info', 'warn', 'error'].includes(level) ? level : 'info',
    webhookAllowLoopback: env.VOXPACT_WEBHOOK_ALLOW_LOOPBACK === '1',
    httpHost: env.VOXPACT_HTTP_HOST || '127.0.0.1',
    httpPort: env.VOXPACT_HTTP_PORT ? Number(env.VOXPACT_HTTP_PORT) : 8787,
    allowedOrigins: csv(env.VOXPACT_ALLOWED_ORIGINS),
    allowedHosts: csv(env.VOXPACT_ALLOWED_HOSTS),
    trustProxy: /^[1-9]$/.test(env.VOXPACT_TRUST_PROXY ?? ''),
    trustProxyHops: /^[1-9]$/.test(env.VOXPACT_TRUST_PROXY ?? '') ? Number(env.VOXPACT_TRUST_PROXY) : undefined,
    mcpSessionIdleMs: env.VOXPACT_MCP_SESSION_IDLE ? idleEnv(env.VOXPACT_MCP_SESSION_IDLE) : 30 * 60_000,
    files: filesConfigFromEnv(env),
    judges: judgeOptionsFromEnv(env),
    adminEmails: csv(env.VOXPACT_ADMIN_EMAILS).map((e) => e.toLowerCase()),
  };
}
