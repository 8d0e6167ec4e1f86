import v8 from 'node:v8';
if (process.env.SEMI) v8.setFlagsFromString(`--max-semi-space-size=${process.env.SEMI}`);
await import('./minimal-server.mjs');
