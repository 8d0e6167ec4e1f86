/**
 * What a scenario saw, step by step, with ids replaced by placeholders in order of appearance
 * (`<id1>`, `<id2>` …) so the embedded and the hosted run can be compared for equality.
 * Timestamps are kept: both runs use the same ManualClock start and never move it differently.
 */
import { expect } from 'vitest';
import { VoxError } from '../../src/errors.js';

export type Step = { step: string; ok: unknown } | { step: string; error: { code: string; status: number; message: string; details: Record<string, unknown> } };

/** backend → scenario → steps */
export const TRANSCRIPTS = new Map<string, Map<string, Step[]>>();

const ID = /\b(?:ag_[0-9A-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:pm|seti|pi|cs|ch)_[0-9A-Za-z]{8,64}|seti_[0-9A-Za-z]+_secret_[0-9A-Za-z]+)\b/g;

/** Keys sorted at every level, so placeholders are numbered the same whatever the key order. */
const sorted = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sorted)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
      : v;

export function normalise(steps: Step[]): Step[] {
  const ids = new Map<string, string>();
  const text = JSON.stringify(sorted(steps)).replace(ID, (m) => {
    if (!ids.has(m)) ids.set(m, `<id${ids.size + 1}>`);
    return ids.get(m)!;
  });
  return JSON.parse(text) as Step[];
}

export function recorder(backend: string, scenario: string) {
  const byScenario = TRANSCRIPTS.get(backend) ?? TRANSCRIPTS.set(backend, new Map()).get(backend)!;
  const steps: Step[] = [];
  byScenario.set(scenario, steps);
  return {
    /** Run a call that must succeed; record its answer (JSON round-tripped, as it would travel). */
    async ok<T>(step: string, fn: () => Promise<T>): Promise<T> {
      const v = await fn();
      steps.push({ step, ok: JSON.parse(JSON.stringify(v ?? null)) });
      return v;
    },
    /** Run a call that must be refused; record the error; return it. */
    async fails(step: string, fn: () => Promise<unknown>): Promise<VoxError> {
      const e = await fn().then(() => null, (x: unknown) => x);
      expect(e, `${step} should have been refused`).toBeInstanceOf(VoxError);
      const v = e as VoxError;
      steps.push({ step, error: { code: v.code, status: v.status, message: v.message, details: JSON.parse(JSON.stringify(v.details)) } });
      return v;
    },
    /** Record a value computed by the scenario. */
    note(step: string, v: unknown) {
      steps.push({ step, ok: JSON.parse(JSON.stringify(v ?? null)) });
    },
  };
}
