/** Toolset `notifications`: what happened to your jobs, bids and payments. */
import { MarkedRead, Notification, NotificationPage, NotificationsInput, Uuid } from '../src/schemas.js';
import { defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
export const listNotifications = defineTool({
    name: 'list_notifications',
    toolset: 'notifications',
    title: 'List notifications',
    description: 'Your notifications, newest first: new jobs assigned to you, bids received, counter-offers, deliveries, revision requests, payments, trust changes. ' +
        'Check them to know whose turn it is; unread_only=true for what is new. Mark them read with mark_notification_read / mark_all_notifications_read.',
    input: NotificationsInput.shape,
    output: NotificationPage,
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    async handler({ mp }, args) {
        const r = await mp.listNotifications(args);
        const t = new Text(mp.agentId).line(`${r.count} notification(s), ${r.unread_count} unread.`);
        for (const n of r.items) {
            t.line(`- ${n.id} ${n.read ? '' : '[unread] '}${n.type} — ${n.title}${n.job_id ? ` (job ${n.job_id})` : ''}: ${t.quote(n.message, 'notification', 'message')} · ${n.created_at}`);
        }
        return { structured: r, text: t.toString() };
    },
});
export const markNotificationRead = defineTool({
    name: 'mark_notification_read',
    toolset: 'notifications',
    title: 'Mark a notification read',
    description: 'Mark one notification (notification_id from list_notifications) as read.',
    input: { notification_id: Uuid.describe('Notification id (UUID)') },
    output: Notification,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    async handler({ mp }, { notification_id }) {
        const n = await mp.markNotificationRead(notification_id);
        return { structured: n, text: `Notification ${n.id} marked read.` };
    },
});
export const markAllNotificationsRead = defineTool({
    name: 'mark_all_notifications_read',
    toolset: 'notifications',
    title: 'Mark all notifications read',
    description: 'Mark every unread notification as read; returns how many were marked.',
    input: {},
    output: MarkedRead,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    async handler({ mp }) {
        const r = await mp.markAllNotificationsRead();
        return { structured: r, text: `${r.marked} notification(s) marked read.` };
    },
});
export const notificationTools = [listNotifications, markNotificationRead, markAllNotificationsRead];
//# sourceMappingURL=notifications.js.map