package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.EventJson;
import com.hipoc.events.TransactionRecord;
import com.hipoc.streaming.DeadLetter;
import com.hipoc.streaming.LocalFlink;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's own topology, fed a bounded list of event records and collecting every row it writes. */
@Timeout(120)
class ReadModelsTopologyTest {
    @TempDir
    Path dir;

    private <T> CollectingSink<T> collecting(String name, Class<T> type) throws IOException {
        return new CollectingSink<>(Files.createDirectory(dir.resolve(name)), type);
    }

    @Test
    void splitsEveryEventIntoItsRowsAndRefusesPoison() throws Exception {
        List<Events.Poison> poison = Events.poison();
        List<RawRecord> records = new ArrayList<>();
        for (Events.Poison p : poison) {
            records.add(Events.record(p.key(), p.value(), records.size()));
        }
        List<BalanceEvent> history = Events.history();
        for (BalanceEvent e : history) {
            records.add(Events.record(e.account, EventJson.encode(e), records.size()));
        }
        CollectingSink<Posting> ledger = collecting("ledger", Posting.class);
        CollectingSink<TransactionRecord> transactions = collecting("transactions", TransactionRecord.class);
        CollectingSink<AccountSnapshot> accountCache = collecting("cache", AccountSnapshot.class);
        CollectingSink<DeadLetter> deadLetters = collecting("dead", DeadLetter.class);

        StreamExecutionEnvironment env = LocalFlink.env(LocalFlink.config(Map.of("STATE_BACKEND", "hashmap")), 2);
        ReadModelsTopology.build(env, e -> e.fromData(records, TypeInformation.of(RawRecord.class)),
                new Sinks(ledger, transactions, accountCache, deadLetters));
        env.execute(ReadModelsJob.JOB_NAME);

        assertThat(ledger.collected()).containsExactlyElementsOf(history.stream()
                .flatMap(e -> e.entries.stream().map(entry -> new Posting(entry, e.accountAfter.held, e.accountAfter))).toList());
        assertThat(transactions.collected())
                .containsExactlyElementsOf(history.stream().map(e -> e.transaction).filter(Objects::nonNull).toList())
                .extracting(t -> t.txId + " " + t.outcome.status + " " + t.outcome.reason)
                .containsExactly("t-1 APPLIED null", "t-2 APPLIED null", "t-3 REJECTED INSUFFICIENT_FUNDS",
                        "t-4 APPLIED null", "t-5 PENDING null", "t-5 COMPLETED null", "t-6 REJECTED ACCOUNT_NOT_FOUND");
        List<AccountSnapshot> accounts = history.stream().map(e -> e.accountAfter).filter(Objects::nonNull).toList();
        assertThat(accountCache.collected()).containsExactlyElementsOf(accounts);

        List<DeadLetter> dead = deadLetters.collected();
        assertThat(dead).hasSameSizeAs(poison);
        for (int i = 0; i < poison.size(); i++) {
            assertThat(dead.get(i).record.offset).isEqualTo(i);
            assertThat(dead.get(i).record.value).isEqualTo(poison.get(i).value());
            assertThat(dead.get(i).reason).startsWith(poison.get(i).reason());
        }
    }
}
