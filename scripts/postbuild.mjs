// Makes the compiled CLI executable so the `voxpact-mcp` bin runs straight after `npm install`.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/src/cli.js', import.meta.url), 0o755);
