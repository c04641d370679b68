package com.hipoc.bench;

import com.hipoc.events.AccountHash;
import com.hipoc.local.FlinkRest;
import com.hipoc.local.HipocJob;
import com.hipoc.local.LocalStack;
import com.hipoc.local.RepoLayout;
import com.hipoc.local.readmodels.ReadModelStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/hipoc rebuild-read-models} on the real stack: read models damaged by hand (a ledger
 * row lost, a Redis hash wrong, an account row that no event made) come back exactly as the jobs
 * first wrote them, from balance.events alone. The stack is shared: the test ends with the read
 * models caught up and consistent, as the next class expects.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(SharedLocalStack.class)
class RebuildReadModelsTest {
    private static final List<String> TABLES = List.of("ledger_entries", "transactions");

    private static LocalStack stack;
    private static BalanceApi api;

    @BeforeAll
    static void useStack(LocalStack shared) {
        stack = shared;
        api = new BalanceApi(stack.endpoints().ingressUrl());
    }

    @Test
    void rebuildsMysqlAndRedisFromTheEventsAlone() throws Exception {
        expect(api.deposit("rebuild-1", "rebuild-a", 5_000));
        expect(api.deposit("rebuild-2", "rebuild-b", 3_000));
        expect(api.transfer("rebuild-3", "rebuild-a", "rebuild-b", 1_200));
        expect(api.hold("rebuild-4", "rebuild-b", 700));
        expect(api.withdraw("rebuild-5", "rebuild-a", 300));
        verify();

        ReadModelStores stores = ReadModelStores.locate(stack.dataDir(), Map.of());
        ReadModels before = readModels(stores);
        try (Connection c = stores.mysql().connect(); Statement s = c.createStatement(); Jedis jedis = stores.redis().connect()) {
            s.execute("DELETE FROM ledger_entries WHERE account_id = 'rebuild-a' AND seq = 2");
            s.execute("CREATE TEMPORARY TABLE ghost AS SELECT * FROM ledger_entries WHERE account_id = 'rebuild-a'");
            s.execute("UPDATE ghost SET account_id = 'rebuild-ghost', id = id + 1000000"); // rows of their own
            s.execute("INSERT INTO ledger_entries SELECT * FROM ghost");
            jedis.hset(AccountHash.key("rebuild-b"), AccountHash.BALANCE, "1");
        }
        assertThat(readModels(stores)).as("damaged").isNotEqualTo(before);
        FlinkRest flink = new FlinkRest(stack.endpoints().flinkUrl());
        List<String> jobBefore = flink.activeJobs(HipocJob.READ_MODELS.jobName());
        Path checkpointsBefore = stack.dataDir().resolve("checkpoints/read-models").resolve(jobBefore.get(0));
        assertThat(checkpointsBefore).as("the job's own checkpoint directory").isDirectory();

        String out = HipocCommand.run(RepoLayout.locate(), "rebuild-read-models", "--data-dir", stack.dataDir().toString());
        System.out.println(out);

        assertThat(out).containsPattern("cancel read-models +\\d+\\.\\d s  canceled " + jobBefore.get(0))
                .containsPattern("kafka offsets .*deleted consumer group \\S+-read-models")
                .contains("emptied ledger_entries, transactions")
                .containsPattern("read-models +\\d+\\.\\d s  RUNNING as \\w+, fresh state");
        assertThat(flink.activeJobs(HipocJob.READ_MODELS.jobName())).hasSize(1).doesNotContainAnyElementsOf(jobBefore);
        assertThat(checkpointsBefore).as("nothing left to resume from past the emptied tables").doesNotExist();
        verify();
        assertThat(readModels(stores)).as("rebuilt").isEqualTo(before);
    }

    private static void expect(BalanceApi.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    /** {@code bin/hipoc verify}, which first waits for the read models to catch up. */
    private static void verify() throws Exception {
        String out = HipocCommand.run(RepoLayout.locate(), "verify", "--data-dir", stack.dataDir().toString(), "--wait-ms", "120000");
        assertThat(out).containsPattern("verify: \\d+ accounts, \\d+ ledger entries, OK");
    }

    /** Every row of the read-model tables, as its columns but its id, and every account hash, in a stable order. */
    private record ReadModels(Map<String, List<String>> tables, Map<String, Map<String, String>> hashes) {
    }

    private static ReadModels readModels(ReadModelStores stores) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = stores.mysql().connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            // id is the order the rows were stored in, which a rebuild need not repeat.
                            if (!columns.getColumnName(i).equals("id")) {
                                row.append(columns.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        Map<String, Map<String, String>> hashes = new TreeMap<>();
        try (Jedis jedis = stores.redis().connect()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(AccountHash.key("*")));
                for (String key : page.getResult()) {
                    hashes.put(key, new TreeMap<>(jedis.hgetAll(key)));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return new ReadModels(tables, hashes);
    }
}
