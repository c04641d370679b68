package com.hipoc.ingress.command;

import com.hipoc.events.Command;
import com.hipoc.events.Outcome;

/**
 * What became of one command: not taken by the log, taken with no outcome within the wait
 * ({@code outcome} null), or taken and decided (or, for a transfer, still PENDING); with an
 * outcome, where its time went.
 */
record Reply(Command command, boolean taken, Outcome outcome, CommandStages stages) {
    static Reply notTaken(Command command) {
        return new Reply(command, false, null, null);
    }
}
