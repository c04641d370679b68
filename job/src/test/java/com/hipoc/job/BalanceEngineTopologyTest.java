package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.job.model.AccountSnapshot;
import com.hipoc.job.model.LedgerEntry;
import com.hipoc.job.model.TransactionRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's own topology, on the hashmap backend, fed a bounded list and collecting every output. */
@Timeout(120)
class BalanceEngineTopologyTest {
    private final CollectingSink<Outcome> outcomes = new CollectingSink<>();
    private final CollectingSink<Command> legs = new CollectingSink<>();
    private final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    private final CollectingSink<LedgerEntry> ledger = new CollectingSink<>();
    private final CollectingSink<TransactionRecord> transactions = new CollectingSink<>();
    private final CollectingSink<AccountSnapshot> accountRows = new CollectingSink<>();
    private final CollectingSink<AccountSnapshot> accountCache = new CollectingSink<>();

    private void run(List<RawCommand> records) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.env(LocalFlink.config(Map.of("STATE_BACKEND", "hashmap")), 2);
        Sources bounded = e -> e.fromData(records, TypeInformation.of(RawCommand.class));
        Sinks collecting = new Sinks(outcomes, legs, deadLetters, ledger, transactions, accountRows, accountCache);
        BalanceEngineTopology.build(env, bounded, collecting, 24L * 3600 * 1000);
        env.execute(BalanceEngineJob.JOB_NAME);
    }

    @Test
    void decidesCommandsInLogOrderAndFeedsEveryOutput() throws Exception {
        Command transfer = Command.of(CommandType.TRANSFER, "t-5", "alice", 100L, "USD", Commands.TS);
        transfer.counterparty = "bob";
        List<Command> log = List.of(
                Commands.deposit("t-1", "alice", 1000, 1),
                Commands.withdrawal("t-2", "alice", 300, 1),
                Commands.withdrawal("t-3", "alice", 5000, 1),
                Commands.deposit("t-1", "alice", 1000, 1),
                Commands.deposit("t-4", "bob", 50, 0),
                transfer);
        List<RawCommand> records = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            records.add(Commands.raw(log.get(i), i));
        }
        records.add(new RawCommand("x".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8),
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

        List<LedgerEntry> aliceLedger = ledger.collected().stream().filter(e -> e.accountId.equals("alice"))
                .sorted(Comparator.comparingLong(e -> e.seq)).toList();
        assertThat(aliceLedger).extracting(e -> e.seq).containsExactly(1L, 2L, 3L);
        assertThat(aliceLedger.get(2).balanceAfter).isEqualTo(600);

        AccountSnapshot alice = accountRows.collected().stream().filter(a -> a.account.equals("alice"))
                .max(Comparator.comparingLong(a -> a.version)).orElseThrow();
        assertThat(alice.balance).isEqualTo(600);
        assertThat(alice.version).isEqualTo(3);
        assertThat(accountCache.collected()).containsExactlyInAnyOrderElementsOf(accountRows.collected());

        assertThat(transactions.collected()).extracting(t -> t.txId + " " + t.outcome.status)
                .contains("t-3 REJECTED", "t-5 " + OutcomeStatus.PENDING);

        assertThat(deadLetters.collected()).singleElement()
                .satisfies(d -> assertThat(d.record.offset).isEqualTo(99));
    }
}
