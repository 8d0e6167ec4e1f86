import { generate } from './gen-db.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
for (const n of [1000, 1000000]) { const d = `/tmp/vdev-${n}`; mkdirSync(d, { recursive: true }); const g = generate(d, n, { log: console.log }); writeFileSync(d + '/info.json', JSON.stringify(g)); }
