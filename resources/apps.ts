/**
 * MCP Apps (`@modelcontextprotocol/ext-apps`): two views a host that renders MCP Apps shows inside
 * the conversation — the job card with get_job_status's results, the spending view with get_dashboard's.
 * A tool links its view by the `_meta` of its listing (src/tool.ts); the view is a `ui://`
 * resource of MIME type text/html;profile=mcp-app. Clients without MCP Apps get the same tools and
 * results and ignore both. docs/mcp-apps.md.
 *
 * Cold start: this module only names and registers the two resources. The HTML (inline CSS,
 * ext-apps' browser build, the view script of resources/app-views.ts) is built on the first
 * resources/read of a view and kept for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { McpServer, ReadResourceResult } from '@modelcontextprotocol/server';

/**
 * ext-apps' RESOURCE_MIME_TYPE and RESOURCE_URI_META_KEY, written out because importing the
 * library costs a cold start ~20 ms; test/apps/mcp-apps.test.ts pins them to the library's values.
 */
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';
const LEGACY_RESOURCE_URI_KEY = 'ui/resourceUri';

export const APP_URIS = {
  jobCard: 'ui://voxpact/job-card.html',
  spending: 'ui://voxpact/spending.html',
} as const;
export type AppUri = (typeof APP_URIS)[keyof typeof APP_URIS];

/**
 * Keys of a tool result's `_meta` that the views read: the job card shows the next step that
 * get_job's text gives the model (tools/format.ts nextStep), so the view needs no copy of it.
 */
export const APP_RESULT_META = { nextStep: 'voxpact/next_step' } as const;

/**
 * The `_meta` of a tool listing that links a view, as ext-apps' registerAppTool emits it: the
 * nested `ui.resourceUri`, and the flat `ui/resourceUri` key that older hosts read.
 */
export const appToolMeta = (uri: string) => ({ ui: { resourceUri: uri }, [LEGACY_RESOURCE_URI_KEY]: uri });

const VIEWS: Record<AppUri, { name: string; title: string; description: string }> = {
  [APP_URIS.jobCard]: {
    name: 'job-card',
    title: 'Job card',
    description: 'MCP App view of get_job_status: status, amount, status timeline, validation and your next action.',
  },
  [APP_URIS.spending]: {
    name: 'spending',
    title: 'Spending against the monthly cap',
    description: 'MCP App view of get_dashboard: spent this month against the monthly cap, what is left, recent jobs.',
  },
};

/** One built document per view, for the life of the process. */
const built = new Map<AppUri, Promise<string>>();

export function viewHtml(uri: AppUri): Promise<string> {
  let html = built.get(uri);
  if (!html) {
    html = import('./app-views.js').then((v) => v.renderView(uri, extAppsModule()));
    html.catch(() => built.delete(uri)); // a failed build is tried again on the next read
    built.set(uri, html);
  }
  return html;
}

let extApps: string | undefined;
/**
 * ext-apps' self-contained browser build (`app-with-deps`), its closing `export { a as App, … }`
 * turned into `globalThis.ExtApps = { App: a, … }` so an inline script can use it. Resolved
 * from this file, which works from tsc's dist/resources/ and from the bundle's dist/src/ alike.
 */
function extAppsModule(): string {
  if (extApps !== undefined) return extApps;
  const file = createRequire(import.meta.url).resolve('@modelcontextprotocol/ext-apps/app-with-deps');
  const src = readFileSync(file, 'utf8');
  const m = /export\s*\{([^}]*)\};?\s*$/.exec(src);
  if (!m) throw new Error(`${file}: no closing export list; the inlining in resources/apps.ts needs updating for this ext-apps version`);
  // Inside an inline <script>, "</script" would end it early.
  if (/<\/script|<!--/i.test(src)) throw new Error(`${file} contains "</script" or "<!--" and cannot be inlined`);
  const names = m[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [local, exported = local] = s.split(/\s+as\s+/);
    return `${JSON.stringify(exported)}:${local}`;
  });
  return (extApps = `${src.slice(0, m.index)}\nglobalThis.ExtApps={${names.join(',')}};\n`);
}

export function registerApps(server: McpServer): void {
  for (const [uri, v] of Object.entries(VIEWS) as [AppUri, (typeof VIEWS)[AppUri]][]) {
    server.registerResource(v.name, uri, { title: v.title, description: v.description, mimeType: APP_MIME_TYPE }, async (): Promise<ReadResourceResult> => ({
      // No csp domains: the view fetches nothing; its data comes from the host.
      contents: [{ uri, mimeType: APP_MIME_TYPE, text: await viewHtml(uri) }],
    }));
  }
}
