package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.LedgerEntry;
import com.hipoc.streaming.DeadLetter;
import com.hipoc.streaming.LocalFlink;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's own topology, on the hashmap backend, fed a bounded list and collecting every output. */
@Timeout(120)
class BalanceEngineTopologyTest {
    private final CollectingSink<Outcome> outcomes = new CollectingSink<>();
    private final CollectingSink<Command> legs = new CollectingSink<>();
    private final CollectingSink<BalanceEvent> events = new CollectingSink<>();
    private final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

    private void run(List<RawRecord> records) throws Exception {
        HipocConfig config = LocalFlink.config(Map.of("STATE_BACKEND", "hashmap"));
        StreamExecutionEnvironment env = LocalFlink.env(config, 2);
        Sources bounded = e -> e.fromData(records, TypeInformation.of(RawRecord.class));
        Sinks collecting = new Sinks(outcomes, legs, events, deadLetters);
        BalanceEngineTopology.build(env, bounded, collecting, config.jobs());
        env.execute(BalanceEngineJob.JOB_NAME);
    }

    @Test
    void decidesCommandsInLogOrderAndFeedsEveryOutput() throws Exception {
        Command transfer = Command.of(CommandType.TRANSFER, "t-5", "alice", 100L, "USD", IngressCommands.TS);
        transfer.counterparty = "bob";
        List<Command> log = List.of(
                IngressCommands.deposit("t-1", "alice", 1000, 1),
                IngressCommands.withdrawal("t-2", "alice", 300, 1),
                IngressCommands.withdrawal("t-3", "alice", 5000, 1),
                IngressCommands.deposit("t-1", "alice", 1000, 1),
                IngressCommands.deposit("t-4", "bob", 50, 0),
                transfer);
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            records.add(IngressCommands.raw(log.get(i), i));
        }
        records.add(new RawRecord("x".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8),
                "balance.commands", 0, 99));

        run(records);

        assertThat(outcomes.collected()).extracting(o -> o.txId + " " + o.status + " " + o.reason + " " + o.replayed)
                .containsExactlyInAnyOrder(
                        "t-1 APPLIED null false", "t-2 APPLIED null false",
                        "t-3 REJECTED " + RejectReason.INSUFFICIENT_FUNDS + " false", "t-1 APPLIED null true",
                        "t-4 APPLIED null false", "t-5 PENDING null false");
        assertThat(outcomes.collected()).filteredOn(o -> o.txId.equals("t-2"))
                .singleElement().satisfies(o -> assertThat(o.replyPartition).isEqualTo(1));

        assertThat(legs.collected()).singleElement().satisfies(leg -> {
            assertThat(leg.type).isEqualTo(CommandType.TRANSFER_CREDIT);
            assertThat(leg.account).isEqualTo("bob");
            assertThat(leg.txId).isEqualTo("t-5");
        });

        // One event per decision, in the account's order; the repeat of t-1 decides nothing.
        List<BalanceEvent> aliceEvents = events.collected().stream().filter(e -> e.account.equals("alice")).toList();
        assertThat(aliceEvents).extracting(e -> e.txId + " " + e.status)
                .containsExactly("t-1 APPLIED", "t-2 APPLIED", "t-3 REJECTED", "t-5 " + OutcomeStatus.PENDING);
        List<LedgerEntry> aliceLedger = aliceEvents.stream().flatMap(e -> e.entries.stream()).toList();
        assertThat(aliceLedger).extracting(e -> e.seq).containsExactly(1L, 2L, 3L);
        assertThat(aliceLedger.get(2).balanceAfter).isEqualTo(600);

        AccountSnapshot alice = aliceEvents.get(aliceEvents.size() - 1).accountAfter;
        assertThat(alice.balance).isEqualTo(600);
        assertThat(alice.version).isEqualTo(3);
        assertThat(aliceEvents.get(2).accountAfter).isNull();
        assertThat(aliceEvents).extracting(e -> e.transaction.txId + " " + e.outcome.status)
                .contains("t-3 REJECTED", "t-5 " + OutcomeStatus.PENDING);

        assertThat(deadLetters.collected()).singleElement()
                .satisfies(d -> assertThat(d.record.offset).isEqualTo(99));
    }
}
