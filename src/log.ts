/**
 * Structured log lines on stderr (stdout is the MCP protocol). The MCP server also forwards
 * them as MCP logging notifications when the client has asked for a level.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof LEVELS;
type Sink = (level: Level, msg: string, fields: Record<string, unknown>) => void;

let threshold: Level = 'info';
const sinks = new Set<Sink>();

export const setLogLevel = (l: Level) => void (threshold = l);
export const addLogSink = (s: Sink) => (sinks.add(s), () => sinks.delete(s));

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  for (const s of sinks) s(level, msg, fields);
  if (LEVELS[level] < LEVELS[threshold]) return;
  process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }) + '\n');
}
