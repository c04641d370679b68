package com.hipoc.ingress.command;

import com.hipoc.events.Command;
import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;
import com.hipoc.ingress.kafka.CommandPublisher;
import com.hipoc.ingress.kafka.PendingReply;
import com.hipoc.ingress.kafka.ReplyRouter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Takes validated commands into the log and waits for their outcomes. A batch is produced in
 * one go (the producer batches the records) and waits on all outcomes at once.
 */
public final class CommandDispatcher {
    private final CommandPublisher publisher;
    private final ReplyRouter replies;
    private final int replyPartition;
    private final Clock clock;

    public CommandDispatcher(CommandPublisher publisher, ReplyRouter replies, int replyPartition, Clock clock) {
        this.publisher = publisher;
        this.replies = replies;
        this.replyPartition = replyPartition;
        this.clock = clock;
    }

    /**
     * One future per command, in order. {@code waitMs} counts from the moment the log took the
     * command; 0 answers as soon as it is taken. Throws a 503 problem, before writing anything,
     * when too many requests are already waiting. {@code receivedNanos}: when the request arrived
     * ({@link com.hipoc.ingress.http.RequestArrival}), where its latency budget starts.
     */
    List<CompletableFuture<Reply>> dispatch(List<Command> commands, long waitMs, long receivedNanos) {
        long now = clock.millis();
        for (Command command : commands) {
            command.ts = now;
            command.replyPartition = waitMs > 0 ? replyPartition : -1;
        }
        List<PendingReply> pending = waitMs > 0 ? expect(commands) : null;
        List<CompletableFuture<Reply>> results = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            results.add(dispatch(commands.get(i), pending == null ? null : pending.get(i), waitMs, receivedNanos));
        }
        return results;
    }

    private List<PendingReply> expect(List<Command> commands) {
        try {
            return replies.expect(commands);
        } catch (ReplyRouter.TooManyWaiting e) {
            throw new ProblemException(Problem.unavailable(e.getMessage()));
        }
    }

    private CompletableFuture<Reply> dispatch(Command command, PendingReply pending, long waitMs, long receivedNanos) {
        long sentNanos = System.nanoTime();
        return publisher.publish(command).handle((ok, error) -> error == null).thenCompose(taken -> {
            if (!taken) {
                if (pending != null) {
                    pending.cancel();
                }
                return CompletableFuture.completedFuture(Reply.notTaken(command));
            }
            if (pending == null) {
                return CompletableFuture.completedFuture(new Reply(command, true, null, null));
            }
            long loggedNanos = System.nanoTime();
            long loggedAtMs = clock.millis();
            return pending.await(waitMs).thenApply(outcome -> new Reply(command, true, outcome, outcome == null ? null
                    : new CommandStages(receivedNanos, sentNanos, loggedNanos, loggedAtMs, pending.producedAtMs(), pending.matchedAtMs(),
                            pending.matchedNanos())));
        });
    }
}
