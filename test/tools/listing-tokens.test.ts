/**
 * The listing's token budget (issue 14), counted as `npm run bench` counts it (o200k), on the
 * listings the server sends: the default listing and the jobs toolset must stay within bounds.
 */
import { describe, expect, it } from 'vitest';
import { listingOf, selectTools } from '../../tools/index.js';
// @ts-expect-error: a plain .mjs module of the bench, without types
import { TARGETS, fullTokens, visibleTokens } from '../../bench/tokens.mjs';

describe('listing tokens (o200k)', () => {
  it('the default listing and the jobs toolset stay within the issue\'s bounds', () => {
    const dflt = listingOf(selectTools()).tools;
    const jobs = listingOf(selectTools({ toolsets: ['jobs'] })).tools;
    expect(visibleTokens(dflt)).toBeLessThanOrEqual(TARGETS.visible);
    expect(fullTokens(dflt)).toBeLessThanOrEqual(TARGETS.full);
    expect(visibleTokens(jobs)).toBeLessThanOrEqual(TARGETS.jobsVisible);
  });

  it('a selection is built and serialised once', () => {
    const a = listingOf(selectTools({ toolsets: ['default', 'payments'] }));
    const b = listingOf(selectTools({ toolsets: ['payments', 'default'] }));
    expect(b).toBe(a);
    expect(JSON.parse(a.json)).toEqual(a.tools);
  });
});
