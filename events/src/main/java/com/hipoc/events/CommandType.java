package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a command asks of the account it is keyed by. The first ten are what clients send
 * (API.md's batch {@code type}s); the others are written back into the log by the engine.
 */
public enum CommandType {
    OPEN, DEPOSIT, WITHDRAWAL, TRANSFER, HOLD, CAPTURE, RELEASE, FREEZE, UNFREEZE, CLOSE,
    /** Credit leg of a transfer, keyed by the destination account. */
    TRANSFER_CREDIT,
    /** Refund leg of a transfer the destination refused, keyed by the source account. */
    TRANSFER_REFUND,
    /** A hold's expiry, keyed by the holding account. */
    HOLD_EXPIRY,
    /**
     * Word that a transfer's credit landed, keyed by the source account, which then remembers the
     * transfer as COMPLETED: a client repeating it there gets that answer, not PENDING.
     */
    TRANSFER_SETTLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type as a client names it, or null when it is not one a client may send. */
    public static CommandType fromClientName(String name) {
        if (name == null) {
            return null;
        }
        for (CommandType t : values()) {
            if (t.isClientCommand() && t.wireName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The type a record names; a name this engine does not know is an error that says so. */
    @JsonCreator
    public static CommandType fromWireName(String name) {
        for (CommandType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown command type '" + name + "'");
    }

    public boolean isClientCommand() {
        return ordinal() <= CLOSE.ordinal();
    }

    /** Engine-written legs share their parent's txId; the kind tells them apart. */
    public boolean isLeg() {
        return !isClientCommand();
    }
}
