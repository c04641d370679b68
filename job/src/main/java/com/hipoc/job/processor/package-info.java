/**
 * The balance engine's decisions, one account at a time ({@link com.hipoc.job.processor.AccountProcessor}).
 *
 * <p>Choices made where ARCHITECTURE.md and API.md are silent:
 * <ul>
 *   <li>Rules are checked in one order: malformed record (dropped, counted, never answered: the
 *       ingress rejects such requests with 400 before they reach the log), idempotency, unknown
 *       account, closed, currency, frozen, then the command's own rule.</li>
 *   <li>Every command needs a txId, OPEN included: the ingress gives an open request one.</li>
 *   <li>OPEN of an existing account in its currency updates the limits it names (absent ones
 *       are kept) and is refused if the account would then break them
 *       (MAX_BALANCE_EXCEEDED, INSUFFICIENT_FUNDS).</li>
 *   <li>A frozen account refuses withdrawals, transfers out, holds and captures; deposits,
 *       transfer credits and releases still apply. A FREEZE of a frozen account is applied again
 *       (a new version and ledger entry) so the ledger keeps every administrative act.</li>
 *   <li>A HOLD whose txId still names a live hold, though the memory has forgotten the txId, is
 *       an IDEMPOTENCY_CONFLICT: a new hold must not replace one that funds are reserved for.</li>
 *   <li>A capture of part of a hold debits that part and releases the rest, as card schemes do.</li>
 *   <li>A capture or release stamped at or after a hold's expiry finds no hold, whether or not the
 *       HOLD_EXPIRY command was read first; other commands still count the hold as held until the
 *       expiry is read back, since only that command changes the account.</li>
 *   <li>Balances are capped at 10^18 minor units (MAX_BALANCE_EXCEEDED beyond), which keeps every
 *       sum far from overflow. A refund always applies, even above maxBalance and to a frozen or
 *       closed account: it returns money the account itself sent.</li>
 *   <li>The COMPLETED answer of a transfer is decided on the destination but carries the
 *       sender's account as it was right after the debit (the credit leg brings it along): the
 *       sender must not see the recipient's balance. PENDING carries the same view, FAILED the
 *       sender's account after the refund.</li>
 *   <li>A repeat of a transfer answers what the source knows: PENDING, then COMPLETED once the
 *       settled leg (written by the destination when the credit applies) came back, or FAILED
 *       once the refund did. The transactions row holds the final status.</li>
 *   <li>Legs are remembered by txId, kind and source account, so a leg written twice is applied
 *       once, and two transfers that reuse one txId from different sources both reach the
 *       destination. A duplicate leg repeats its answer (replayed) and nothing else.</li>
 *   <li>Retention counts against the account's own clock, the highest ts it has seen; an entry is
 *       recalled while {@code clock - decidedAt < retentionMs}, and dropped with its generation
 *       (a window of command time) once the whole generation is out of the window.</li>
 *   <li>Every decided command writes one event for {@code balance.events}; a repeat or a conflict
 *       changes nothing and writes none. A HOLD_EXPIRY changes the account and its event carries
 *       the ledger entry and the account after it, but it answers nobody and sets no
 *       transactions row (that row stays the hold's).</li>
 * </ul>
 */
package com.hipoc.job.processor;
