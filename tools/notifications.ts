/** Toolset `notifications`: what happened to your jobs, bids and payments. */
import { z } from 'zod';
import { Notification, NotificationPage, NotificationsInput, Uuid } from '../src/schemas.js';
import { LIMITS } from '../src/limits.js';
import { VoxError } from '../src/errors.js';
import type { Marketplace } from '../src/marketplace.js';
import { defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';

/** A notification's place in the newest-first list: `<created_at>|<id>`. */
const cursorOf = (n: Notification) => `${n.created_at}|${n.id}`;

/**
 * The notifications newer than `since` (a cursor from an earlier answer), newest first, at most
 * `limit`: the newest-first pages are read until the cursor's notification (or an older one) is
 * met, so it works the same on both backends.
 */
async function listSince(mp: Marketplace, since: string, o: { unread_only: boolean; limit: number }) {
  const [at, id] = since.split('|');
  const items: Notification[] = [];
  let unread = 0;
  for (let offset = 0; ; offset += LIMITS.notifications_limit_max) {
    const r = await mp.listNotifications({ unread_only: o.unread_only, limit: LIMITS.notifications_limit_max, offset });
    unread = r.unread_count;
    for (const n of r.items) {
      if (n.id === id || n.created_at < at) return { items: items.slice(-o.limit), unread_count: unread, more: items.length > o.limit };
      items.push(n);
    }
    if (r.items.length < LIMITS.notifications_limit_max) return { items: items.slice(-o.limit), unread_count: unread, more: items.length > o.limit };
  }
}

export const listNotifications = defineTool({
  name: 'list_notifications',
  toolset: 'notifications',
  title: 'List notifications',
  description:
    'Your notifications, newest first: jobs assigned to you, bids, counter-offers, deliveries, revision requests, payments. unread_only=true for what is new; ' +
    'since=<cursor of an earlier answer> for only what came after it. Mark them read with mark_notifications_read.',
  input: {
    ...NotificationsInput.shape,
    since: z.string().max(100).regex(/^[^|]+\|[^|]+$/, 'must be the cursor of an earlier list_notifications answer').optional()
      .describe('Only notifications after this cursor (from an earlier answer)'),
  },
  output: NotificationPage.extend({
    cursor: z.string().nullable().describe('Pass as since next time to get only newer ones'),
    more: z.boolean().describe('since: more new notifications than limit (the oldest of them are shown; call again with this cursor)'),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { since, ...args }) {
    const r = since
      ? await listSince(mp, since, args)
      : { ...(await mp.listNotifications(args)), more: false };
    const cursor = r.items.length ? cursorOf(r.items[0]) : since ?? null;
    const t = new Text(mp.agentId).line(`${r.items.length} notification(s)${since ? ' since the cursor' : ''}, ${r.unread_count} unread.`);
    for (const n of r.items) {
      t.line(`- ${n.id} ${n.read ? '' : '[unread] '}${n.type} — ${n.title}${n.job_id ? ` (job ${n.job_id})` : ''}: ${t.quote(n.message, 'notification', 'message')} · ${n.created_at}`);
    }
    if (cursor) t.line(`cursor: ${cursor} (since=… for what comes next)${r.more ? '; more are waiting: call again with this cursor' : ''}`);
    return { structured: { items: r.items, count: r.items.length, unread_count: r.unread_count, cursor, more: r.more }, text: t.toString() };
  },
});

export const markNotificationsRead = defineTool({
  name: 'mark_notifications_read',
  toolset: 'notifications',
  title: 'Mark notifications read',
  description: 'Mark notifications read in one call: the notification_ids you name (from list_notifications), or all=true for every unread one.',
  input: {
    notification_ids: z.array(Uuid).min(1).max(LIMITS.notifications_limit_max).optional(),
    all: z.boolean().optional(),
  },
  output: z.object({ marked: z.number().int(), unread_count: z.number().int().optional() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler({ mp }, { notification_ids, all }) {
    if (!all === !notification_ids) {
      throw new VoxError('validation_error', 'send either notification_ids (a list from list_notifications) or all=true', 400, { field: 'notification_ids' });
    }
    if (all) {
      const r = await mp.markAllNotificationsRead();
      return { structured: { marked: r.marked, unread_count: 0 }, text: `${r.marked} notification(s) marked read.` };
    }
    // Every id is checked to be the caller's before any is marked: an unknown id changes nothing.
    const ids = [...new Set(notification_ids)];
    const mine = new Set<string>();
    for (let offset = 0; mine.size < ids.length; offset += LIMITS.notifications_limit_max) {
      const r = await mp.listNotifications({ unread_only: false, limit: LIMITS.notifications_limit_max, offset });
      for (const n of r.items) if (ids.includes(n.id)) mine.add(n.id);
      if (r.items.length < LIMITS.notifications_limit_max) break;
    }
    const unknown = ids.filter((id) => !mine.has(id));
    if (unknown.length) throw new VoxError('not_found', `notification(s) ${unknown.join(', ')} not found among yours (list_notifications); nothing was marked`, 404, { field: 'notification_ids' });
    for (const id of ids) await mp.markNotificationRead(id);
    return { structured: { marked: ids.length }, text: `${ids.length} notification(s) marked read.` };
  },
});

export const notificationTools = [listNotifications, markNotificationsRead];
