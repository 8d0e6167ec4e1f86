import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from './clock.js';
import { eurToCents } from './money.js';
import { filesConfigFromEnv } from './files/config.js';
import { judgeOptionsFromEnv } from './validation/config.js';
const csv = (v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
function idleEnv(v) {
    let ms = NaN;
    try {
        ms = parseDuration(v);
    }
    catch { /* below */ }
    if (!(ms > 0))
        throw new Error(`VOXPACT_MCP_SESSION_IDLE must be a positive duration like 30m, 2h or 90s (got '${v}')`);
    return ms;
}
function eurEnv(env, name) {
    const raw = env[name];
    if (raw === undefined || raw === '')
        return null;
    const c = eurToCents(Number(raw));
    if (typeof c === 'string' || c < 0)
        throw new Error(`${name} must be a non-negative EUR amount with at most 2 decimals (got '${raw}')`);
    return c;
}
export function loadConfig(env = process.env) {
    const backend = (env.VOXPACT_BACKEND ?? 'embedded');
    if (backend !== 'embedded' && backend !== 'hosted')
        throw new Error(`VOXPACT_BACKEND must be 'embedded' or 'hosted' (got '${backend}')`);
    const level = (env.VOXPACT_LOG_LEVEL ?? 'info');
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
        webhookAllowLoopback: env.VOXPACT_WEBHOOK_ALLOW_LOOPBACK === '1',
        httpHost: env.VOXPACT_HTTP_HOST || '127.0.0.1',
        httpPort: env.VOXPACT_HTTP_PORT ? Number(env.VOXPACT_HTTP_PORT) : 8787,
        allowedOrigins: csv(env.VOXPACT_ALLOWED_ORIGINS),
        allowedHosts: csv(env.VOXPACT_ALLOWED_HOSTS),
        trustProxy: env.VOXPACT_TRUST_PROXY === '1',
        mcpSessionIdleMs: env.VOXPACT_MCP_SESSION_IDLE ? idleEnv(env.VOXPACT_MCP_SESSION_IDLE) : 30 * 60_000,
        files: filesConfigFromEnv(env),
        judges: judgeOptionsFromEnv(env),
        adminEmails: csv(env.VOXPACT_ADMIN_EMAILS).map((e) => e.toLowerCase()),
    };
}
//# sourceMappingURL=config.js.map