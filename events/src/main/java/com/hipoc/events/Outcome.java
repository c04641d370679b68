package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record of {@code balance.results}: the engine's decision on a command. Everything in it
 * is a function of the log, so a replay produces the same record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Outcome {
    public String txId;
    /** The client's command type; a transfer's legs answer as {@code transfer}. */
    public CommandType type;
    public OutcomeStatus status;
    public RejectReason reason;
    public AccountView account;
    /** The command's {@code ts}, epoch ms. */
    public long acceptedAt;
    public int replyPartition = -1;
    /** The {@code requestId} of the command record this answers. */
    public long requestId;
    /** True when this answers a repeat of an already decided txId. */
    public boolean replayed;

    public Outcome() {
    }
}
