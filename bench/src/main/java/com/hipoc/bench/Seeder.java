package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.local.MysqlEndpoint;
import com.hipoc.local.readmodels.ReadModelDrain;
import com.hipoc.local.readmodels.ReadModelStores;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Opens every bench account with a deposit before the load, so withdrawals mostly succeed.
 * Straight into the log (the fastest way in), waiting for each decision, then for the read models
 * to have every opening: the load is measured on a stack that is not still busy with its setup.
 * Accounts are always opened in index order, so when the last one is in the read model an earlier
 * run opened them all, and a run on a million accounts does not spend minutes opening them again.
 */
final class Seeder {
    private static final int IN_FLIGHT = 20_000;
    /** Ten million openings take the read models minutes to load. */
    private static final Duration READ_MODELS_WAIT = Duration.ofMinutes(30);

    private Seeder() {
    }

    static Check seed(KafkaTarget kafka, ReadModelStores stores, long accounts, String runId, PrintStream out)
            throws InterruptedException, SQLException {
        if (isOpen(stores.mysql(), AccountPicker.name(accounts - 1))) {
            return new Check(true, "accounts " + AccountPicker.name(0) + " to " + AccountPicker.name(accounts - 1)
                    + " were opened by an earlier run");
        }
        OutcomeCounts outcomes = new OutcomeCounts();
        LatencyRecorder latencies = new LatencyRecorder();
        long[] next = {0};
        Supplier<Command> openings = () -> Workload.opening(next[0]++, runId);
        Dispatcher dispatcher = new Dispatcher(kafka, openings, IN_FLIGHT, latencies, outcomes);
        long start = System.nanoTime();
        try (ProgressPrinter progress = new ProgressPrinter("seed", latencies, outcomes, out)) {
            for (long i = 0; i < accounts; i++) {
                dispatcher.sendWhenFree();
            }
            dispatcher.drain(Duration.ofSeconds(60));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println("seed: waiting for the read models to load the openings...");
        long waitStart = System.nanoTime();
        if (ReadModelDrain.await(stores, READ_MODELS_WAIT, out)) {
            out.printf("seed: read models caught up in %.1f s%n", (System.nanoTime() - waitStart) / 1e9);
        }
        long applied = outcomes.byKind().getOrDefault("APPLIED", 0L);
        return new Check(applied == accounts, String.format("opened %d of %d accounts with %d each in %.1f s (%.0f/s)",
                applied, accounts, Workload.OPENING_BALANCE, seconds, accounts / seconds));
    }

    private static boolean isOpen(MysqlEndpoint mysql, String account) throws SQLException {
        try (Connection c = mysql.connect();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM ledger_entries WHERE account_id = ? LIMIT 1")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
