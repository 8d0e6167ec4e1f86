import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from './clock.js';
import { eurToCents } from './money.js';

/** Everything configurable, read once from the environment (and CLI flags layered on top). */
export type Config = {
  backend: 'embedded' | 'hosted';
  apiKey: string | undefined;
  apiUrl: string;
  dataDir: string;
  clockOffsetMs: number;
  /** Spending rails of this server (beyond the engine's monthly cap). */
  maxJobCents: number | null;
  confirmAboveCents: number | null;
  timerIntervalMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
};

function eurEnv(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const c = eurToCents(Number(raw));
  if (typeof c === 'string' || c < 0) throw new Error(`${name} must be a non-negative EUR amount with at most 2 decimals (got '${raw}')`);
  return c;
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
    clockOffsetMs: env.VOXPACT_CLOCK_OFFSET ? parseDuration(env.VOXPACT_CLOCK_OFFSET) : 0,
    maxJobCents: eurEnv(env, 'VOXPACT_MAX_JOB_EUR'),
    confirmAboveCents: eurEnv(env, 'VOXPACT_CONFIRM_ABOVE_EUR'),
    timerIntervalMs: Number(env.VOXPACT_TIMER_INTERVAL_MS ?? 5000),
    logLevel: ['debug', 'info', 'warn', 'error'].includes(level) ? level : 'info',
  };
}
