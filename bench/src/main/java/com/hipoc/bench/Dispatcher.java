package com.hipoc.bench;

import org.HdrHistogram.Histogram;

import com.hipoc.events.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends requests to a target with at most {@code concurrency} in flight and records what became
 * of each: its latency, counted from the moment it was meant to be sent, and its outcomes.
 */
final class Dispatcher {
    private final Target target;
    private final Supplier<Command> commands;
    private final Semaphore inFlight;
    private final int concurrency;
    private final LatencyRecorder latencies;
    /** How late each request was handed to the target: behind its schedule, or waiting for a slot. */
    private final LatencyRecorder lateness = new LatencyRecorder();
    private final OutcomeCounts outcomes;

    Dispatcher(Target target, Supplier<Command> commands, int concurrency, LatencyRecorder latencies, OutcomeCounts outcomes) {
        this.target = target;
        this.commands = commands;
        this.inFlight = new Semaphore(concurrency);
        this.concurrency = concurrency;
        this.latencies = latencies;
        this.outcomes = outcomes;
    }

    /**
     * Waits for a free slot, then sends the next request. Time spent waiting for the slot counts
     * in its latency: a client whose requests queue up sees exactly that.
     */
    void send(long intendedNanos) throws InterruptedException {
        List<Command> request = nextRequest();
        inFlight.acquire();
        dispatch(request, intendedNanos);
    }

    /** Sends the next request as soon as a slot is free; its latency counts from then (closed loop). */
    void sendWhenFree() throws InterruptedException {
        List<Command> request = nextRequest();
        inFlight.acquire();
        dispatch(request, System.nanoTime());
    }

    /** Requests that were due but never sent count as failed, so a generator falling behind shows. */
    void notSent(long requests) {
        outcomes.notSent(requests * target.commandsPerRequest());
    }

    private List<Command> nextRequest() {
        List<Command> request = new ArrayList<>(target.commandsPerRequest());
        for (int i = 0; i < target.commandsPerRequest(); i++) {
            request.add(commands.get());
        }
        return request;
    }

    private void dispatch(List<Command> request, long intendedNanos) {
        lateness.record(System.nanoTime() - intendedNanos);
        target.send(request).thenAccept(kinds -> {
            latencies.record(System.nanoTime() - intendedNanos);
            kinds.forEach(kind -> outcomes.add(kind));
            inFlight.release();
        });
    }

    /** Every request's lateness so far (see {@link #lateness}). */
    Histogram lateness() {
        lateness.interval();
        return lateness.total();
    }

    /** Waits for every request sent to end; false when some did not within the timeout. */
    boolean drain(Duration timeout) throws InterruptedException {
        if (!inFlight.tryAcquire(concurrency, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        inFlight.release(concurrency);
        return true;
    }
}
