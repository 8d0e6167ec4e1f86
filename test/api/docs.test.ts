import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/api/routes.js';
import { ROUTES_BEGIN, ROUTES_END, renderRouteTable } from '../../src/api/openapi.js';

describe('docs/http-api.md', () => {
  it('lists every endpoint of the route table (run `npm run docs` after changing it)', () => {
    const doc = readFileSync(new URL('../../docs/http-api.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf(ROUTES_BEGIN) + ROUTES_BEGIN.length, doc.indexOf(ROUTES_END));
    expect(section).toBe('\n' + renderRouteTable(ROUTES));
  });
});
