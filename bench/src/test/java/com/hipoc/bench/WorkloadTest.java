package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {
    @Test
    void sameSeedSameCommands() {
        assertThat(commands(7, 1_000)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(commands(7, 1_000));
    }

    @Test
    void retriesRepeatAnEarlierRequestExactlyAndEverythingElseHasItsOwnTxId() {
        Map<String, Command> byTxId = new HashMap<>();
        int retries = 0;
        for (Command c : commands(1, 20_000)) {
            Command earlier = byTxId.putIfAbsent(c.txId, c);
            if (earlier != null) {
                retries++;
                assertThat(c).as("a retry is the same request").isEqualTo(earlier);
            }
        }
        assertThat(retries).isBetween(500, 1_500);
    }

    @Test
    void theDepositsMixSendsOnlyDepositsEachWithItsOwnTxId() {
        Workload w = new Workload(new UniformAccounts(1_000), CommandMix.DEPOSITS, 11, "t");
        Set<String> txIds = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            Command c = w.next();
            assertThat(c.type).isEqualTo(CommandType.DEPOSIT);
            assertThat(txIds.add(c.txId)).as("no retries in this mix").isTrue();
        }
    }

    @Test
    void capturesAndReleasesNameHoldsSentBefore() {
        Set<String> holds = new HashSet<>();
        for (Command c : commands(3, 20_000)) {
            if (c.type == CommandType.HOLD) {
                holds.add(c.txId);
            } else if (c.type == CommandType.CAPTURE || c.type == CommandType.RELEASE) {
                assertThat(holds).contains(c.holdTxId);
            }
        }
    }

    @Test
    void zipfPutsTheFirstAccountsFarAheadAndStaysInRange() {
        ZipfAccounts zipf = new ZipfAccounts(10_000_000, 1.1);
        SplittableRandom random = new SplittableRandom(5);
        long[] hits = new long[3];
        for (int i = 0; i < 100_000; i++) {
            long a = zipf.next(random);
            assertThat(a).isBetween(0L, 9_999_999L);
            if (a < hits.length) {
                hits[(int) a]++;
            }
        }
        assertThat(hits[0]).isGreaterThan(hits[1]).isGreaterThan(5_000);
        assertThat(hits[1]).isGreaterThan(hits[2]);
    }

    private static List<Command> commands(long seed, int n) {
        Workload w = new Workload(new UniformAccounts(1_000), CommandMix.STANDARD, seed, "t");
        return Stream.generate(w::next).limit(n).toList();
    }
}
