// Renders the job state machine (src/engine/transitions.ts) into docs/state-machine.md.
import { writeFileSync } from 'node:fs';
import { renderMarkdown } from '../dist/src/engine/transitions.js';
writeFileSync(new URL('../docs/state-machine.md', import.meta.url), renderMarkdown());
console.log('wrote docs/state-machine.md');

// The endpoint table of docs/http-api.md, from the REST route table (src/api/routes.ts).
{
  const { readFileSync } = await import('node:fs');
  const { ROUTES } = await import('../dist/src/api/routes.js');
  const { renderRouteTable, ROUTES_BEGIN, ROUTES_END } = await import('../dist/src/api/openapi.js');
  const file = new URL('../docs/http-api.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(ROUTES_BEGIN), end = doc.indexOf(ROUTES_END);
  if (start < 0 || end < start) throw new Error('docs/http-api.md lost its routes markers');
  writeFileSync(file, doc.slice(0, start + ROUTES_BEGIN.length) + '\n' + renderRouteTable(ROUTES) + doc.slice(end));
  console.log('wrote the endpoint table of docs/http-api.md');
}
