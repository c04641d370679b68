package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import org.junit.jupiter.api.Test;

import static com.hipoc.job.processor.Commands.USD;
import static com.hipoc.job.processor.Commands.deposit;
import static com.hipoc.job.processor.Commands.hold;
import static com.hipoc.job.processor.Commands.transfer;
import static com.hipoc.job.processor.Commands.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

/** The middle of the processor's pass on its own: what a command does, from what was read, with no state. */
class VerdictTest {
    private static AccountState account(long balance) {
        AccountState a = AccountState.opened(USD);
        a.balance = balance;
        return a;
    }

    @Test
    void anAppliedDepositChangesTheAccountIsRememberedPublishedAndAnswered() {
        Command c = deposit("t1", "alice", 300, 1_000);

        Verdict v = Verdict.decided(c, "t1", 42, account(100), null);

        assertThat(v.accountAfter.balance).isEqualTo(400);
        assertThat(v.rememberKey).isEqualTo("t1");
        assertThat(v.fingerprint).isEqualTo(42);
        assertThat(v.remembered).isSameAs(v.answer);
        assertThat(v.answer.status).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(v.event.entries).hasSize(1);
        assertThat(v.event.accountAfter.balance).isEqualTo(400);
        assertThat(v.legs).isEmpty();
    }

    @Test
    void aRefusalLeavesTheAccountButIsRememberedAndPublished() {
        Verdict v = Verdict.decided(withdrawal("t2", "alice", 500, 1_000), "t2", 7, account(100), null);

        assertThat(v.accountAfter).isNull();
        assertThat(v.answer.reason).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        assertThat(v.answer.account.balance).as("the account as it stands").isEqualTo(100);
        assertThat(v.event.status).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(v.event.entries).isEmpty();
        assertThat(v.rememberKey).isEqualTo("t2");
    }

    @Test
    void aTransferDebitsAndWritesItsCreditLeg() {
        Verdict v = Verdict.decided(transfer("t3", "alice", "bob", 60, 1_000), "t3", 1, account(100), null);

        assertThat(v.answer.status).isEqualTo(OutcomeStatus.PENDING);
        assertThat(v.legs).singleElement().satisfies(leg -> {
            assertThat(leg.type).isEqualTo(CommandType.TRANSFER_CREDIT);
            assertThat(leg.account).isEqualTo("bob");
        });
    }

    @Test
    void aHoldIsPlacedUnderItsTxIdWithItsExpiry() {
        Verdict v = Verdict.decided(hold("h1", "alice", 50, 10_000L, 1_000), "h1", 1, account(100), null);

        assertThat(v.holdPlaced.amount).isEqualTo(50);
        assertThat(v.holdPlaced.expiresAt).isEqualTo(11_000L);
        assertThat(v.accountAfter.held).isEqualTo(50);
    }

    @Test
    void aRepeatIsAnsweredAgainAndAnotherRequestUnderTheTxIdIsAConflict() {
        Command first = deposit("t4", "alice", 10, 1_000);
        Verdict original = Verdict.decided(first, "t4", 5, account(0), null);
        RememberedOutcome earlier = new RememberedOutcome(5, original.answer, 1_000, "alice", USD);

        Verdict same = Verdict.repeated(deposit("t4", "alice", 10, 2_000), 5, earlier, original.accountAfter);
        Verdict other = Verdict.repeated(deposit("t4", "alice", 11, 2_000), 6, earlier, original.accountAfter);

        assertThat(same.answer.replayed).isTrue();
        assertThat(same.answer.status).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(same.event).as("a repeat publishes nothing").isNull();
        assertThat(same.accountAfter).isNull();
        assertThat(same.rememberKey).as("nothing new to remember").isNull();
        assertThat(other.answer.reason).isEqualTo(RejectReason.IDEMPOTENCY_CONFLICT);
        assertThat(other.event).isNull();
        assertThat(other.accountAfter).isNull();
        assertThat(other.rememberKey).isNull();
    }
}
