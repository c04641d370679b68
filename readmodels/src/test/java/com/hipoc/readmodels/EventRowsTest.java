package com.hipoc.readmodels;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.CommandType;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.OutcomeStatus;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each ledger row carries the account after it, the held amount as it stood after that very entry. */
class EventRowsTest {
    @Test
    void eachEntryCarriesTheHeldAmountAfterItAndTheEventsAccount() throws Exception {
        BalanceEvent e = Events.changed(Events.decided("alice", "t-9", CommandType.CAPTURE, OutcomeStatus.APPLIED, Events.TS),
                5, -10, 90, null);
        LedgerEntry hold = Events.changed(Events.decided("alice", "t-9", CommandType.HOLD, OutcomeStatus.APPLIED, Events.TS),
                4, 0, 100, null).entries.get(0);
        hold.heldDelta = 30;
        e.entries.get(0).heldDelta = -10;
        e.entries.add(0, hold);
        e.accountAfter.held = 20;

        try (OneInputStreamOperatorTestHarness<BalanceEvent, Posting> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EventRows())) {
            harness.processElement(new StreamRecord<>(e));

            assertThat(harness.extractOutputValues()).containsExactly(new Posting(hold, 30, e.accountAfter),
                    new Posting(e.entries.get(1), 20, e.accountAfter));
            assertThat(harness.getSideOutput(EventRows.ACCOUNTS)).extracting(StreamRecord::getValue)
                    .containsExactly(e.accountAfter);
        }
    }

    @Test
    void aDecisionThatChangedNothingHasNoLedgerRow() throws Exception {
        BalanceEvent settled = Events.decided("alice", "t-5", CommandType.TRANSFER_SETTLED, OutcomeStatus.COMPLETED, Events.TS);
        try (OneInputStreamOperatorTestHarness<BalanceEvent, Posting> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EventRows())) {
            harness.processElement(new StreamRecord<>(settled));

            assertThat(harness.extractOutputValues()).isEqualTo(List.of());
            assertThat(harness.getSideOutput(EventRows.ACCOUNTS)).isNull();
        }
    }
}
