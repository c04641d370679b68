package com.hipoc.bench.chaos;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A steady mixed load at a fixed rate: opening deposits, then deposits, withdrawals (some far
 * beyond any balance), transfers, and holds that are captured or released once applied. Every
 * txId is unique; every command is sent until it has a definite answer, which the book keeps.
 */
final class ChaosLoad implements AutoCloseable {
    static final String CURRENCY = "USD";
    private static final long OPENING_DEPOSIT = 1_000_000;
    private static final long MAX_AMOUNT = 10_000;
    private static final long OVERDRAW = 1_000_000_000_000L;
    /** Beyond this many commands waiting for answers the load pauses instead of queueing without bound. */
    private static final int MAX_OUTSTANDING = 5_000;

    private final RetryingSender sender;
    private final ClientBook book;
    private final int accounts;
    private final int rate;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Queue<Command> appliedHolds = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong nextTx = new AtomicLong();
    private final LoadWindow total = new LoadWindow("whole run");
    private volatile LoadWindow window = total;
    private volatile boolean paused = true;
    private final Thread generator = new Thread(this::generate, "chaos-load");

    ChaosLoad(RetryingSender sender, ClientBook book, int accounts, int rate) {
        this.sender = sender;
        this.book = book;
        this.accounts = accounts;
        this.rate = rate;
        generator.setDaemon(true);
    }

    /** Starts sending, beginning with one opening deposit per account. */
    void start() {
        paused = false;
        generator.start();
    }

    /** Stops sending new commands; those sent keep being retried until answered. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    /** From now on the load's counts also go to {@code next}. */
    void countInto(LoadWindow next) {
        window = next;
    }

    LoadWindow total() {
        return total;
    }

    LoadWindow window() {
        return window;
    }

    int outstanding() {
        return outstanding.get();
    }

    /** Sends one command outside the steady load (a recovery probe), tracked like the rest. */
    CompletableFuture<String> submit(Command c) {
        book.sent(c);
        count(LoadWindow::sent);
        outstanding.incrementAndGet();
        return sender.send(c, why -> count(w -> w.retried(why))).whenComplete((status, error) -> {
            outstanding.decrementAndGet();
            if (status != null) {
                book.answered(c.txId, status);
                count(w -> w.decided(status));
                if (status.equals("APPLIED") && c.type == CommandType.HOLD) {
                    appliedHolds.add(c);
                }
            }
        });
    }

    private void count(Consumer<LoadWindow> event) {
        LoadWindow w = window;
        event.accept(total);
        if (w != total) {
            event.accept(w);
        }
    }

    /** Waits until every command sent has its answer; false if some still had none after {@code timeoutMs}. */
    boolean awaitAnswers(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (outstanding.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return outstanding.get() == 0;
    }

    String txId(String kind) {
        return "chaos-" + kind + "-" + Long.toString(nextTx.getAndIncrement(), 36);
    }

    private void generate() {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        long sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                // A paused or saturated load sends nothing and does not catch up afterwards: the rate stays steady.
                next = Math.max(next + period, System.nanoTime());
                if (!paused && outstanding.get() < MAX_OUTSTANDING) {
                    submit(sent < accounts ? opening(sent) : next());
                    sent++;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Command opening(long account) {
        return single(CommandType.DEPOSIT, "open", name(account), OPENING_DEPOSIT);
    }

    private Command next() {
        int pick = random.nextInt(100);
        if (pick < 25) {
            return single(CommandType.DEPOSIT, "dep", anyAccount(), amount());
        } else if (pick < 45) {
            return single(CommandType.WITHDRAWAL, "wd", anyAccount(), amount());
        } else if (pick < 50) {
            return single(CommandType.WITHDRAWAL, "over", anyAccount(), OVERDRAW);
        } else if (pick < 75) {
            return transfer();
        } else if (pick < 88) {
            return single(CommandType.HOLD, "hold", anyAccount(), amount());
        }
        Command hold = appliedHolds.poll();
        return hold == null ? single(CommandType.DEPOSIT, "dep", anyAccount(), amount()) : endHold(hold);
    }

    private Command single(CommandType type, String kind, String account, long amount) {
        return Command.of(type, txId(kind), account, amount, CURRENCY, 0);
    }

    private Command transfer() {
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        Command c = Command.of(CommandType.TRANSFER, txId("tr"), name(from), amount(), CURRENCY, 0);
        c.counterparty = name(to);
        return c;
    }

    /** Captures the whole hold or releases it, half and half. */
    private Command endHold(Command hold) {
        boolean capture = random.nextBoolean();
        Command c = Command.of(capture ? CommandType.CAPTURE : CommandType.RELEASE, txId(capture ? "cap" : "rel"), hold.account,
                null, null, 0);
        c.holdTxId = hold.txId;
        return c;
    }

    private String anyAccount() {
        return name(random.nextInt(accounts));
    }

    private long amount() {
        return 1 + random.nextLong(MAX_AMOUNT);
    }

    static String name(long account) {
        return "chaos-" + account;
    }

    @Override
    public void close() {
        generator.interrupt();
    }
}
