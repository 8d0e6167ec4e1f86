// Renders the job state machine (src/engine/transitions.ts) into docs/state-machine.md.
import { writeFileSync } from 'node:fs';
import { renderMarkdown } from '../dist/src/engine/transitions.js';
writeFileSync(new URL('../docs/state-machine.md', import.meta.url), renderMarkdown());
console.log('wrote docs/state-machine.md');
