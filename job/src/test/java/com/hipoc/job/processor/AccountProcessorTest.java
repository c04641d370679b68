package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.events.WireJson;
import com.hipoc.events.LedgerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.hipoc.job.processor.Commands.capture;
import static com.hipoc.job.processor.Commands.deposit;
import static com.hipoc.job.processor.Commands.hold;
import static com.hipoc.job.processor.Commands.open;
import static com.hipoc.job.processor.Commands.release;
import static com.hipoc.job.processor.Commands.status;
import static com.hipoc.job.processor.Commands.transfer;
import static com.hipoc.job.processor.Commands.withCurrency;
import static com.hipoc.job.processor.Commands.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

/** Each balance rule, one at a time, through the processor in Flink's keyed operator harness. */
class AccountProcessorTest {
    private static final long DAY = 24L * 60 * 60 * 1000;

    private ProcessorHarness processor;

    @BeforeEach
    void start() throws Exception {
        processor = new ProcessorHarness(DAY);
    }

    @AfterEach
    void stop() throws Exception {
        processor.close();
    }

    @Test
    void depositOpensAnUnknownAccountWithOneLedgerEntry() throws Exception {
        ProcessorHarness.Emitted e = processor.send(deposit("t1", "alice", 500, 1000));

        Outcome o = e.outcome();
        assertThat(o.status).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(o.type).isEqualTo(CommandType.DEPOSIT);
        assertThat(o.acceptedAt).isEqualTo(1000);
        assertThat(o.account.balance).isEqualTo(500);
        assertThat(o.account.currency).isEqualTo("USD");
        assertThat(o.account.version).isEqualTo(1);
        LedgerEntry entry = e.ledger.get(0);
        assertThat(entry.seq).isEqualTo(1);
        assertThat(entry.kind).isEqualTo("deposit");
        assertThat(entry.amount).isEqualTo(500);
        assertThat(entry.balanceAfter).isEqualTo(500);
        assertThat(e.accounts).singleElement().satisfies(s -> assertThat(s.version).isEqualTo(1));
        assertThat(e.transactions).singleElement()
                .satisfies(t -> assertThat(WireJson.encode(t.outcome)).isEqualTo(WireJson.encode(o)));
        assertThat(e.legs).isEmpty();
    }

    @Test
    void aRejectionWritesOnlyItsTransactionRow() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));

        ProcessorHarness.Emitted e = processor.send(withdrawal("t2", "alice", 501, 1001));

        assertRejected(e, RejectReason.INSUFFICIENT_FUNDS);
        assertThat(e.outcome().account.balance).isEqualTo(500);
        assertThat(e.ledger).isEmpty();
        assertThat(e.accounts).isEmpty();
        assertThat(e.transactions).singleElement()
                .satisfies(t -> assertThat(t.outcome.status).isEqualTo(OutcomeStatus.REJECTED));
    }

    @Test
    void overdraftLimitExtendsWhatIsAvailable() throws Exception {
        processor.send(open("o1", "alice", "USD", 100L, null, 1000));

        assertThat(processor.send(withdrawal("t1", "alice", 100, 1001)).outcome().account.balance).isEqualTo(-100);
        assertRejected(processor.send(withdrawal("t2", "alice", 1, 1002)), RejectReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void debitsOfAnUnknownAccountAreNotFound() throws Exception {
        ProcessorHarness.Emitted e = processor.send(withdrawal("t1", "ghost", 1, 1000));

        assertRejected(e, RejectReason.ACCOUNT_NOT_FOUND);
        assertThat(e.outcome().account).isNull();
    }

    @Test
    void anAccountKeepsItsCurrency() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));

        assertRejected(processor.send(withCurrency(deposit("t2", "alice", 5, 1001), "EUR")),
                RejectReason.CURRENCY_MISMATCH);
    }

    @Test
    void maxBalanceCapsCredits() throws Exception {
        processor.send(open("o1", "alice", "USD", null, 1000L, 1000));
        processor.send(deposit("t1", "alice", 1000, 1001));

        assertRejected(processor.send(deposit("t2", "alice", 1, 1002)), RejectReason.MAX_BALANCE_EXCEEDED);
    }

    @Test
    void openingAnExistingAccountChangesOnlyTheLimitsItNames() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));

        Outcome o = processor.send(open("o1", "alice", "USD", 50L, null, 1001)).outcome();

        assertThat(o.account.available).isEqualTo(550);
        assertThat(o.account.version).isEqualTo(2);
        assertRejected(processor.send(open("o2", "alice", "USD", null, 499L, 1002)), RejectReason.MAX_BALANCE_EXCEEDED);
    }

    @Test
    void frozenAccountsTakeCreditsButNoDebits() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        processor.send(status(CommandType.FREEZE, "f1", "alice", 1001));

        assertRejected(processor.send(withdrawal("t2", "alice", 1, 1002)), RejectReason.ACCOUNT_FROZEN);
        assertRejected(processor.send(hold("h1", "alice", 1, null, 1003)), RejectReason.ACCOUNT_FROZEN);
        assertThat(processor.send(deposit("t3", "alice", 1, 1004)).outcome().status).isEqualTo(OutcomeStatus.APPLIED);
        processor.send(status(CommandType.UNFREEZE, "u1", "alice", 1005));
        assertThat(processor.send(withdrawal("t4", "alice", 1, 1006)).outcome().account.status)
                .isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void onlyAnEmptyAccountCloses() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        processor.send(hold("h1", "alice", 100, null, 1001));

        assertRejected(processor.send(status(CommandType.CLOSE, "c1", "alice", 1002)), RejectReason.ACCOUNT_NOT_EMPTY);
        processor.send(release("r1", "alice", "h1", 1003));
        processor.send(withdrawal("t2", "alice", 500, 1004));
        ProcessorHarness.Emitted closed = processor.send(status(CommandType.CLOSE, "c2", "alice", 1005));

        assertThat(closed.outcome().account.status).isEqualTo(AccountStatus.CLOSED);
        assertThat(closed.ledger).singleElement().satisfies(e -> assertThat(e.kind).isEqualTo("close"));
        assertRejected(processor.send(deposit("t3", "alice", 1, 1006)), RejectReason.ACCOUNT_CLOSED);
    }

    @Test
    void aRepeatReturnsTheFirstOutcomeAndChangesNothing() throws Exception {
        Command first = deposit("t1", "alice", 500, 1000);
        first.replyPartition = 1;
        Outcome original = processor.send(first).outcome();
        Command again = deposit("t1", "alice", 500, 2000);
        again.replyPartition = 2;

        ProcessorHarness.Emitted e = processor.send(again);

        assertThat(e.outcome().replayed).isTrue();
        assertThat(e.outcome().replyPartition).isEqualTo(2);
        assertThat(e.outcome().acceptedAt).isEqualTo(original.acceptedAt);
        assertThat(e.outcome().account.balance).isEqualTo(500);
        assertThat(e.ledger).isEmpty();
        assertThat(e.transactions).isEmpty();
    }

    @Test
    void aRejectionIsRememberedToo() throws Exception {
        assertRejected(processor.send(withdrawal("t1", "alice", 5, 1000)), RejectReason.ACCOUNT_NOT_FOUND);
        processor.send(deposit("t2", "alice", 500, 1001));

        Outcome again = processor.send(withdrawal("t1", "alice", 5, 1002)).outcome();

        assertThat(again.reason).isEqualTo(RejectReason.ACCOUNT_NOT_FOUND);
        assertThat(again.replayed).isTrue();
    }

    @Test
    void aReusedTxIdWithAnotherPayloadIsAConflictThatWritesNoRow() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));

        ProcessorHarness.Emitted e = processor.send(deposit("t1", "alice", 600, 1001));

        assertRejected(e, RejectReason.IDEMPOTENCY_CONFLICT);
        assertThat(e.transactions).isEmpty();
        assertThat(e.outcome().account.balance).isEqualTo(500);
    }

    @Test
    void txIdsAreForgottenAfterTheRetentionWindowAndStateStaysBounded() throws Exception {
        try (ProcessorHarness shortMemory = new ProcessorHarness(1000)) {
            shortMemory.send(deposit("t0", "alice", 1, 0));
            int entriesAfterFirstSecond = 0;
            for (int i = 1; i <= 3000; i++) {
                shortMemory.send(deposit("t" + i, "alice", 1, i * 10L));
                if (i == 100) {
                    entriesAfterFirstSecond = shortMemory.stateEntries();
                }
            }
            // A purged generation can outlive the window by one more: at most two windows are kept.
            assertThat(shortMemory.stateEntries()).isLessThanOrEqualTo(2 * entriesAfterFirstSecond + 2);
            Outcome reapplied = shortMemory.send(deposit("t0", "alice", 1, 30_001)).outcome();
            assertThat(reapplied.replayed).isFalse();
            assertThat(reapplied.account.balance).isEqualTo(3002);
        }
    }

    @Test
    void aLateCommandRememberedInTheGenerationBeforeIsStillRecognised() throws Exception {
        try (ProcessorHarness shortMemory = new ProcessorHarness(1000)) {
            shortMemory.send(deposit("t1", "alice", 1, 1100));
            assertThat(shortMemory.send(deposit("t2", "alice", 1, 950)).outcome().replayed)
                    .as("stamped before the account's clock, within the window").isFalse();

            Outcome repeated = shortMemory.send(deposit("t2", "alice", 1, 1200)).outcome();

            assertThat(repeated.replayed).isTrue();
            assertThat(repeated.account.balance).isEqualTo(2);
        }
    }

    @Test
    void aTransferDebitsThenCreditsThroughALeg() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        ProcessorHarness.Emitted debit = processor.send(transfer("x1", "alice", "bob", 200, 1001));

        assertThat(debit.outcome().status).isEqualTo(OutcomeStatus.PENDING);
        assertThat(debit.outcome().account.balance).isEqualTo(300);
        assertThat(debit.transactions).singleElement().satisfies(t -> {
            assertThat(t.account).isEqualTo("alice");
            assertThat(t.counterparty).isEqualTo("bob");
        });
        Command credit = debit.legs.get(0);
        assertThat(credit.type).isEqualTo(CommandType.TRANSFER_CREDIT);
        assertThat(credit.account).isEqualTo("bob");
        assertThat(credit.counterparty).isEqualTo("alice");
        assertThat(credit.ts).isEqualTo(1001);

        ProcessorHarness.Emitted completed = processor.send(credit);

        assertThat(completed.outcome().status).isEqualTo(OutcomeStatus.COMPLETED);
        assertThat(completed.outcome().type).isEqualTo(CommandType.TRANSFER);
        assertThat(completed.outcome().account).as("the requester's account right after the debit")
                .satisfies(a -> {
                    assertThat(a.account).isEqualTo("alice");
                    assertThat(a.balance).isEqualTo(300);
                });
        assertThat(completed.accounts).singleElement().satisfies(s -> assertThat(s.balance).isEqualTo(200));
        assertThat(completed.transactions).singleElement().satisfies(t -> assertThat(t.account).isEqualTo("alice"));
        ProcessorHarness.Emitted duplicate = processor.send(credit);
        assertThat(duplicate.outcome().replayed).isTrue();
        assertThat(duplicate.ledger).isEmpty();
    }

    @Test
    void aCompletedTransferRepeatedAtItsSourceAnswersCompleted() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        Command credit = processor.send(transfer("x1", "alice", "bob", 200, 1001)).legs.get(0);
        ProcessorHarness.Emitted credited = processor.send(credit);
        Command settled = credited.legs.get(0);
        assertThat(settled.type).isEqualTo(CommandType.TRANSFER_SETTLED);
        assertThat(settled.account).isEqualTo("alice");
        assertThat(processor.send(transfer("x1", "alice", "bob", 200, 1002)).outcome().status)
                .as("asked again before the word came back").isEqualTo(OutcomeStatus.PENDING);

        ProcessorHarness.Emitted settling = processor.send(settled);

        assertThat(settling.outcomes).isEmpty();
        assertThat(settling.legs).isEmpty();
        assertThat(settling.ledger).isEmpty();
        assertThat(settling.transactions).isEmpty();
        assertThat(settling.accounts).isEmpty();
        Outcome askedAgain = processor.send(transfer("x1", "alice", "bob", 200, 1003)).outcome();
        Outcome completed = credited.outcome();
        assertThat(askedAgain.replayed).isTrue();
        assertThat(askedAgain).usingRecursiveComparison().ignoringFields("replayed", "replyPartition").isEqualTo(completed);
    }

    @Test
    void aRefusedCreditIsRefundedAndTheTransferFailsWithTheDestinationsReason() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        processor.send(withCurrency(deposit("t2", "bob", 5, 1000), "EUR"));
        Command credit = processor.send(transfer("x1", "alice", "bob", 200, 1001)).legs.get(0);

        ProcessorHarness.Emitted refused = processor.send(credit);

        assertThat(refused.outcomes).isEmpty();
        assertThat(refused.transactions).isEmpty();
        Command refund = refused.legs.get(0);
        assertThat(refund.type).isEqualTo(CommandType.TRANSFER_REFUND);
        assertThat(refund.account).isEqualTo("alice");
        assertThat(refund.reason).isEqualTo(RejectReason.CURRENCY_MISMATCH);
        Outcome failed = processor.send(refund).outcome();
        assertThat(failed.status).isEqualTo(OutcomeStatus.FAILED);
        assertThat(failed.reason).isEqualTo(RejectReason.CURRENCY_MISMATCH);
        assertThat(failed.account.balance).isEqualTo(500);
        Outcome askedAgain = processor.send(transfer("x1", "alice", "bob", 200, 1002)).outcome();
        assertThat(askedAgain.status).isEqualTo(OutcomeStatus.FAILED);
        assertThat(askedAgain.replayed).isTrue();
    }

    @Test
    void aPartialCaptureReleasesTheRestOfTheHold() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        processor.send(hold("h1", "alice", 300, null, 1001));

        assertRejected(processor.send(capture("c1", "alice", "h1", 301L, 1002)), RejectReason.HOLD_EXCEEDED);
        ProcessorHarness.Emitted captured = processor.send(capture("c2", "alice", "h1", 100L, 1003));

        assertThat(captured.outcome().account.balance).isEqualTo(400);
        assertThat(captured.outcome().account.held).isZero();
        assertThat(captured.ledger).singleElement().satisfies(e -> {
            assertThat(e.amount).isEqualTo(-100);
            assertThat(e.heldDelta).isEqualTo(-300);
        });
        assertRejected(processor.send(release("r1", "alice", "h1", 1004)), RejectReason.HOLD_NOT_FOUND);
    }

    @Test
    void anExpiringHoldIsReleasedByACommandWrittenToTheLog() throws Exception {
        processor.send(deposit("t1", "alice", 500, 1000));
        processor.send(hold("h1", "alice", 300, 5000L, 1001));

        ProcessorHarness.Emitted fired = processor.advanceTo(6001);
        assertRejected(processor.send(capture("c1", "alice", "h1", null, 6001)), RejectReason.HOLD_NOT_FOUND);
        Command expiry = fired.legs.get(0);
        assertThat(expiry.type).isEqualTo(CommandType.HOLD_EXPIRY);
        assertThat(expiry.ts).isEqualTo(6001);
        assertThat(fired.ledger).isEmpty();

        ProcessorHarness.Emitted released = processor.send(expiry);

        assertThat(released.outcomes).isEmpty();
        assertThat(released.accounts).singleElement().satisfies(s -> assertThat(s.held).isZero());
        assertThat(released.ledger).singleElement().satisfies(e -> assertThat(e.heldDelta).isEqualTo(-300));
        assertThat(processor.send(expiry).ledger).isEmpty();
    }

    @Test
    void aMalformedRecordIsDroppedWithoutAnAnswer() throws Exception {
        ProcessorHarness.Emitted e = processor.send(deposit("t1", "alice", 0, 1000));

        assertThat(e.outcomes).isEmpty();
        assertThat(e.ledger).isEmpty();
        assertThat(processor.send(deposit("t1", "alice", 5, 1001)).outcome().account.balance).isEqualTo(5);
    }

    private static void assertRejected(ProcessorHarness.Emitted e, RejectReason reason) {
        assertThat(e.outcome().status).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(e.outcome().reason).isEqualTo(reason);
    }
}
