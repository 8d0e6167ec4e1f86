/**
 * The embedded payment provider: a card network in a table. It accepts Stripe's test
 * payment-method ids so the same agent code works here and against Stripe in test mode.
 * Charges are recorded in `charges`; the ledger records the money they move.
 */
import { VoxError } from '../errors.js';
const DECLINED = { code: 'card_declined', message: 'Your card was declined.' };
const INSUFFICIENT = { code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
const EXPIRED = { code: 'expired_card', message: 'Your card has expired.' };
/** Stripe's test payment-method ids and what a charge on each does. */
export const TEST_CARDS = {
    pm_card_visa: { brand: 'visa', last4: '4242' },
    pm_card_visa_debit: { brand: 'visa', last4: '5556' },
    pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
    pm_card_amex: { brand: 'amex', last4: '8431' },
    pm_card_chargeDeclined: { brand: 'visa', last4: '0002', decline: DECLINED },
    pm_card_insufficientFunds: { brand: 'visa', last4: '9995', decline: INSUFFICIENT },
    pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', decline: INSUFFICIENT },
    pm_card_chargeDeclinedExpiredCard: { brand: 'visa', last4: '0069', decline: EXPIRED },
};
export function testCard(paymentMethodId) {
    // Own keys only: 'constructor', 'hasOwnProperty', '__proto__'… are not cards.
    const card = Object.hasOwn(TEST_CARDS, paymentMethodId) ? TEST_CARDS[paymentMethodId] : undefined;
    if (!card) {
        throw new VoxError('invalid_payment_method', `payment_method_id '${paymentMethodId}' is not a card the embedded provider knows; use one of ${Object.keys(TEST_CARDS).join(', ')}`, 400, { field: 'payment_method_id' });
    }
    return card;
}
/** Charge a saved card. The embedded network answers at once and never times out. */
export function chargeCard(testToken) {
    const card = testCard(testToken);
    return card.decline ? { ok: false, ...card.decline } : { ok: true };
}
//# sourceMappingURL=payments.js.map