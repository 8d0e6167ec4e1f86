/**
 * MCP resources (JSON): the dashboard, your jobs, one job with its history, notifications,
 * agent profiles and the open jobs. Each is one or two Marketplace reads. Plus the two MCP Apps
 * views (HTML, resources/apps.ts).
 */
import { McpServer, ResourceTemplate, ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { ReadResourceResult } from '@modelcontextprotocol/server';
import type { Marketplace } from '../src/marketplace.js';
import { BrowseOpenJobsInput, ListJobsInput, ListMessagesInput, NotificationsInput } from '../src/schemas.js';
import { UNTRUSTED_NOTE, fence } from '../src/untrusted.js';
import { LIMITS } from '../src/limits.js';
import { VoxError } from '../src/errors.js';
import { registerApps } from './apps.js';

const JSON_MIME = 'application/json';
/** JSON-RPC code for "resource not found" (MCP spec). */
const RESOURCE_NOT_FOUND = -32002;

export const RESOURCE_URIS = {
  dashboard: 'voxpact://dashboard',
  jobs: 'voxpact://jobs',
  job: (id: string) => `voxpact://jobs/${id}`,
  notifications: 'voxpact://notifications',
  agent: (id: string) => `voxpact://agents/${id}`,
  openJobs: 'voxpact://open-jobs',
  messages: (id: string) => `voxpact://jobs/${id}/messages`,
  validation: (id: string) => `voxpact://jobs/${id}/validation`,
} as const;

/** Does `uri` name one of our resources (what a client may subscribe to)? */
export function isResourceUri(uri: string): boolean {
  return /^voxpact:\/\/(dashboard|jobs|notifications|open-jobs|jobs\/[^/?#]+|agents\/[^/?#]+)$/.test(uri)
    || /^voxpact:\/\/jobs\/[^/?#]+\/(messages|validation)$/.test(uri);
}

async function json(uri: string, read: () => Promise<unknown>): Promise<ReadResourceResult> {
  try {
    const data = await read();
    return { contents: [{ uri, mimeType: JSON_MIME, text: JSON.stringify(data, null, 2) }] };
  } catch (e) {
    if (e instanceof VoxError) {
      throw new ProtocolError(e.code === 'not_found' ? RESOURCE_NOT_FOUND : ProtocolErrorCode.InvalidParams, `${e.code}: ${e.message}`, { uri });
    }
    throw e;
  }
}

const one = (v: string | string[]) => (Array.isArray(v) ? v[0] : v);

export function registerResources(server: McpServer, mp: Marketplace): void {
  const max = LIMITS.list_limit_max;

  server.registerResource('dashboard', RESOURCE_URIS.dashboard, {
    title: 'Dashboard',
    description: 'Your agent, spending this month, recent jobs, unread notifications and trust history in one document.',
    mimeType: JSON_MIME,
  }, (uri) => json(uri.href, () => mp.getDashboard()));

  server.registerResource('jobs', RESOURCE_URIS.jobs, {
    title: 'My jobs',
    description: `Your ${max} most recent jobs, as buyer and as worker ({ items, count }).`,
    mimeType: JSON_MIME,
  }, (uri) => json(uri.href, () => mp.listJobs(ListJobsInput.parse({ limit: max }))));

  server.registerResource('job', new ResourceTemplate('voxpact://jobs/{job_id}', {
    list: async () => {
      const r = await mp.listJobs(ListJobsInput.parse({ limit: 20 }));
      return { resources: r.items.map((j) => ({ uri: RESOURCE_URIS.job(j.id), name: `job ${j.id}`, title: `Job ${j.id} (${j.status})`, mimeType: JSON_MIME })) };
    },
  }), {
    title: 'Job',
    description: 'One job with its status transitions ({ job, transitions }). Subscribe to hear when it changes.',
    mimeType: JSON_MIME,
  }, (uri, vars) => json(uri.href, async () => {
    const id = one(vars.job_id);
    const job = await mp.getJob(id);
    const transitions = await mp.getJobTransitions(id);
    return { job, transitions: transitions.items };
  }));

  server.registerResource('notifications', RESOURCE_URIS.notifications, {
    title: 'Notifications',
    description: `Your ${max} most recent notifications ({ items, count, unread_count }).`,
    mimeType: JSON_MIME,
  }, (uri) => json(uri.href, () => mp.listNotifications(NotificationsInput.parse({ limit: max }))));

  server.registerResource('agent', new ResourceTemplate('voxpact://agents/{agent_id}', { list: undefined }), {
    title: 'Agent profile',
    description: 'The public profile of an agent (ag_…).',
    mimeType: JSON_MIME,
  }, (uri, vars) => json(uri.href, () => mp.getAgent(one(vars.agent_id))));

  server.registerResource('open-jobs', RESOURCE_URIS.openJobs, {
    title: 'Open jobs',
    description: `The ${max} newest jobs open for bidding ({ items, count }).`,
    mimeType: JSON_MIME,
  }, (uri) => json(uri.href, () => mp.browseOpenJobs(BrowseOpenJobsInput.parse({ limit: max }))));

  // Messages: each message's content is fenced and sanitised as untrusted text (src/untrusted.ts);
  // the raw text is list_messages' structuredContent and GET /v1/jobs/{id}/messages.
  server.registerResource('job-messages', new ResourceTemplate('voxpact://jobs/{job_id}/messages', { list: undefined }), {
    title: 'Job messages',
    description: `The message thread of a job, oldest first (up to ${LIMITS.messages_limit_max}): { job_id, note, items, count, total }. Contents are fenced as untrusted text.`,
    mimeType: JSON_MIME,
  }, (uri, vars) => json(uri.href, async () => {
    const id = one(vars.job_id);
    const r = await mp.listMessages(id, ListMessagesInput.parse({ limit: LIMITS.messages_limit_max }));
    const items = r.items.map((m) => ({
      ...m, content: m.sender_agent_id === mp.agentId ? m.content : fence(m.content, `agent ${m.sender_agent_id}`, 'message'),
    }));
    return { job_id: id, note: UNTRUSTED_NOTE, items, count: r.count, total: r.total };
  }));

  server.registerResource('job-validation', new ResourceTemplate('voxpact://jobs/{job_id}/validation', { list: undefined }), {
    title: 'Validation record',
    description: 'The signed record of the latest validation of a job\'s delivery: deliverable SHA-256, criteria results, each judge\'s verdict with model, rubric and prompt hash; ' +
      'signature is Ed25519 (base64url) over the canonical JSON of record, by the key in signer (docs/validation.md).',
    mimeType: JSON_MIME,
  }, (uri, vars) => json(uri.href, () => mp.getValidationRecord(one(vars.job_id))));

  registerApps(server);
}
