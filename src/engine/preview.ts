/**
 * What a buyer may see of the work before paying for it. Until the job is completed (the escrow
 * released), the deliverable preview and the preview of a deliverable file show an excerpt —
 * the first quarter of the text, at most UNPAID_PREVIEW.max_chars characters — never the whole
 * (`is_partial: true`); binaries are only described. Otherwise the buyer could take the work,
 * ask for a revision and cancel, paying the revision fee and keeping everything.
 * The worker always sees its own work whole; the buyer sees it whole once it is paid for.
 */
export const UNPAID_PREVIEW = { share: 0.25, max_chars: 2000 } as const;

/** Whether `role` on a job in `status` gets only an excerpt of the deliverable. */
export const unpaid = (role: string | null | undefined, status: string) => role === 'buyer' && status !== 'completed';

/** The excerpt of `text` shown before payment (whole code points, never all of a non-empty text). */
export function unpaidExcerpt(text: string): string {
  const chars = [...text];
  const n = Math.min(UNPAID_PREVIEW.max_chars, Math.floor(chars.length * UNPAID_PREVIEW.share));
  return chars.slice(0, n).join('');
}
