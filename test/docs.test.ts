import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRANSITIONS, renderMarkdown } from '../src/engine/transitions.js';

describe('docs/state-machine.md', () => {
  it('is the rendering of the transition table the engine enforces (run `npm run docs` after changing it)', () => {
    const doc = readFileSync(new URL('../docs/state-machine.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderMarkdown());
    for (const r of TRANSITIONS) expect(doc).toContain(`\`${r.action}\``);
  });
});
