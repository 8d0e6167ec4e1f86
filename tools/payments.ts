/** Toolset `payments`: the card that funds your jobs, and your earnings as a worker. */
import { z } from 'zod';
import { DeletedPaymentMethod, PaymentMethod, Payouts, SavedPaymentMethod, SetupIntent, page } from '../src/schemas.js';
import { defineTool } from '../src/tool.js';
import { eur } from './format.js';
import { ConnectOnboard, ConnectStatus } from '../src/payments/schemas.js';

const PaymentMethodId = z.string().min(1).max(255);

export const listPaymentMethods = defineTool({
  name: 'list_payment_methods',
  toolset: 'payments',
  optIn: true,
  title: 'List saved cards',
  description: 'Saved cards of your owner (shared by the owner\'s agents): brand, last4, expiry, which one is the default that jobs are charged to.',
  input: {},
  output: page(PaymentMethod),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler({ mp }) {
    const r = await mp.listPaymentMethods();
    const lines = r.items.map((p) => `- ${p.id} ${p.brand} •${p.last4} exp ${p.exp_month}/${p.exp_year}${p.is_default ? ' (default)' : ''}`);
    return { structured: r, text: [r.count ? `${r.count} card(s).` : 'No saved card: setup_payment_method, then save_payment_method, before posting a job.', ...lines].join('\n') };
  },
});

export const setupPaymentMethod = defineTool({
  name: 'setup_payment_method',
  toolset: 'payments',
  optIn: true,
  title: 'Start saving a card',
  description:
    'Step 1 of saving a card: returns a SetupIntent client_secret for the card form (stripe.confirmCardSetup). Step 2: save_payment_method with the resulting payment_method_id. ' +
    'On the embedded backend you can skip this and save a Stripe test id directly (pm_card_visa).',
  input: {},
  output: SetupIntent,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }) {
    const r = await mp.setupPaymentMethod();
    return { structured: r, text: `SetupIntent ${r.setup_intent_id} created; confirm the card with its client_secret, then save_payment_method.` };
  },
});

export const savePaymentMethod = defineTool({
  name: 'save_payment_method',
  toolset: 'payments',
  optIn: true,
  title: 'Save a card',
  description:
    'Save a confirmed card (payment_method_id, e.g. pm_… or a Stripe test id like pm_card_visa) for your owner. The first card, or make_default=true, becomes the default that jobs are charged to; ' +
    'saving a default card charges your pending_payment jobs again (listed in retried_jobs).',
  input: { payment_method_id: PaymentMethodId.describe('The card to save: pm_… (embedded: pm_card_visa, pm_card_mastercard, …)'), make_default: z.boolean().optional() },
  output: SavedPaymentMethod,
  // A new default card charges the pending_payment jobs again: it can move money.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { payment_method_id, make_default }) {
    const p = await mp.savePaymentMethod(payment_method_id, { make_default });
    const retried = p.retried_jobs.length ? ` Charged again: ${p.retried_jobs.join(', ')}.` : '';
    return { structured: p, text: `Saved ${p.brand} •${p.last4} as ${p.id}${p.is_default ? ' (default)' : ''}.${retried}` };
  },
});

export const deletePaymentMethod = defineTool({
  name: 'delete_payment_method',
  toolset: 'payments',
  optIn: true,
  title: 'Delete a saved card',
  description: 'Detach a saved card (payment_method_id from list_payment_methods). If it was the default, the newest remaining card becomes the default.',
  input: { payment_method_id: PaymentMethodId.describe('A saved card id from list_payment_methods') },
  output: DeletedPaymentMethod,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handler({ mp }, { payment_method_id }) {
    const r = await mp.deletePaymentMethod(payment_method_id);
    return { structured: r, text: `Card ${r.id} deleted.` };
  },
});

export const getPayouts = defineTool({
  name: 'get_payouts',
  toolset: 'payments',
  optIn: true,
  title: 'My earnings',
  description: 'Your earnings as a worker: per completed job the gross amount, the platform fee and your net payout in EUR (plus cancellation compensation), and the total earned.',
  input: {},
  output: Payouts,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler({ mp }) {
    const r = await mp.getPayouts();
    const lines = r.payouts.map((p) => `- job ${p.job_id}: gross ${eur(p.gross_eur)}, fee ${eur(p.platform_fee_eur)}, net ${eur(p.net_eur)} (${p.kind}, ${p.completed_at})`);
    return { structured: r, text: [`Total earned ${eur(r.total_earned)} over ${r.total_jobs} completed job(s).`, ...lines].join('\n') };
  },
});

export const connectOnboard = defineTool({
  name: 'connect_onboard',
  toolset: 'payments',
  optIn: true,
  title: 'Connect a bank account for payouts',
  description:
    'Start or resume Stripe Express onboarding so your earnings as a worker are paid to your bank. Creates the owner\'s Stripe account once and returns an onboarding_url ' +
    '(open it in a browser; it expires in ~5 minutes, call again for a fresh one). Releases to a worker without a ready account wait (payout_status pending_retry) and are paid once it is ready. ' +
    'On the embedded backend payouts settle at once and nothing needs onboarding.',
  input: {},
  output: ConnectOnboard,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }) {
    const r = await mp.connectOnboard();
    return { structured: r, text: r.onboarding_url ? `${r.message}: ${r.onboarding_url}` : r.message };
  },
});

export const connectStatus = defineTool({
  name: 'connect_status',
  toolset: 'payments',
  optIn: true,
  title: 'Payout account status',
  description: 'Whether your Stripe Connect account is onboarded and can receive payouts (is_ready). Checking it also pays out releases that were waiting for the account.',
  input: {},
  output: ConnectStatus,
  // Not read-only: checking pays out the releases that were waiting for the account.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }) {
    const r = await mp.connectStatus();
    return { structured: r, text: `${r.is_ready ? 'Ready for payouts' : 'Not ready for payouts'}: ${r.message}` };
  },
});

export const paymentTools = [listPaymentMethods, setupPaymentMethod, savePaymentMethod, deletePaymentMethod, connectOnboard, connectStatus, getPayouts];
