package com.hipoc.bench;

import com.hipoc.local.Endpoints;
import com.hipoc.local.FreePort;
import com.hipoc.local.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/hipoc local as a process: SIGTERM leaves nothing running, and a restart resumes the same
 * state; {@code bin/hipoc stop} stops it the same way.
 */
class LocalCommandRestartTest {
    private static final String ACCOUNT = "bob";

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void sigtermStopsEverythingAndARestartResumes(@TempDir Path dataDir) throws Exception {
        RepoLayout repo = RepoLayout.locate();
        int httpPort = FreePort.find();
        int flinkPort = FreePort.find();
        BalanceApi api = new BalanceApi("http://127.0.0.1:" + httpPort);

        HipocProcess first = HipocProcess.start(repo, dataDir, httpPort, flinkPort);
        try {
            assertThat(first.awaitReady()).isEqualTo("READY ingress=http://127.0.0.1:" + httpPort + " flink=http://127.0.0.1:" + flinkPort
                    + " pid=" + first.pid());
            BalanceApi.Answer deposit = api.deposit("restart-1", ACCOUNT, 500);
            assertThat(deposit.status()).as(deposit.body().toString()).isEqualTo(200);
        } finally {
            assertThat(first.terminate()).isZero();
        }
        Endpoints endpoints = Endpoints.load(dataDir).orElseThrow();

        assertThat(processesMentioning(dataDir)).isEmpty();
        assertThat(FreePort.isFree(endpoints.services().redis().port())).as("Redis port free").isTrue();
        assertThat(FreePort.isFree(endpoints.services().mysql().port())).as("MariaDB port free").isTrue();

        HipocProcess second = HipocProcess.start(repo, dataDir, httpPort, flinkPort);
        try {
            second.awaitReady();
            BalanceApi.Answer read = api.account(ACCOUNT);
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(read.body().path("balance").asLong()).isEqualTo(500);
            BalanceApi.Answer next = api.deposit("restart-2", ACCOUNT, 250);
            assertThat(next.status()).as(next.body().toString()).isEqualTo(200);
            assertThat(next.account().path("balance").asLong()).isEqualTo(750);
            assertThat(next.account().path("version").asLong()).as("the engine state resumed, not restarted").isEqualTo(2);
            BalanceApi.Answer replay = api.deposit("restart-1", ACCOUNT, 500);
            assertThat(replay.replayed()).as("txIds remembered across the restart").contains("true");
        } finally {
            HipocCommand.run(repo, "stop", "--data-dir", dataDir.toString());
        }
        assertThat(second.exitCode()).as("stopped by `hipoc stop`, which returns once it has exited").isZero();
        assertThat(processesMentioning(dataDir)).isEmpty();
    }

    /** java, mariadbd or redis processes whose command line names the data dir. */
    private static List<String> processesMentioning(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine().stream())
                .filter(cmd -> cmd.contains(dataDir.toString()))
                .filter(cmd -> cmd.contains("java") || cmd.contains("mariadbd") || cmd.contains("redis"))
                .toList();
    }
}
