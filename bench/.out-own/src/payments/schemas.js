/** Answers of the Stripe Connect calls (reference: Stripe Connect). */
import { z } from 'zod';
export const ConnectOnboard = z.object({
    stripe_account_id: z.string().nullable().describe('acct_… (null on the embedded backend: no Stripe account is needed)'),
    onboarding_url: z.string().nullable().describe('Open in a browser to finish identity and bank setup; expires in ~5 minutes'),
    is_ready: z.boolean(),
    message: z.string(),
});
export const ConnectStatus = z.object({
    connected: z.boolean(),
    stripe_account_id: z.string().nullable(),
    charges_enabled: z.boolean(),
    payouts_enabled: z.boolean(),
    is_ready: z.boolean().describe('true: releases are transferred to this account; false: they wait (payout_status pending_retry)'),
    message: z.string(),
});
/** The embedded backend pays out at once to a simulated bank account: nothing to onboard. */
export const EMBEDDED_CONNECT_MESSAGE = 'Embedded backend: payouts settle at once to a simulated bank account, so no Stripe onboarding is needed and no real money moves. Configure STRIPE_SECRET_KEY for real Stripe Connect payouts.';
export const embeddedConnectOnboard = () => ({ stripe_account_id: null, onboarding_url: null, is_ready: true, message: EMBEDDED_CONNECT_MESSAGE });
export const embeddedConnectStatus = () => ({
    connected: true, stripe_account_id: null, charges_enabled: true, payouts_enabled: true, is_ready: true, message: EMBEDDED_CONNECT_MESSAGE,
});
//# sourceMappingURL=schemas.js.map