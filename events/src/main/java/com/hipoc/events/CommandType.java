package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a command asks of the account it is keyed by: what clients send (API.md's batch
 * {@code type}s), or what the engine writes back into the log. The order is part of the engine's
 * checkpointed state (remembered outcomes store the ordinal, fingerprints hash it): add new types
 * at the end only.
 */
public enum CommandType {
    OPEN(true), DEPOSIT(true), WITHDRAWAL(true), TRANSFER(true), HOLD(true), CAPTURE(true), RELEASE(true),
    FREEZE(true), UNFREEZE(true), CLOSE(true),
    /** Credit leg of a transfer, keyed by the destination account. */
    TRANSFER_CREDIT(false),
    /** Refund leg of a transfer the destination refused, keyed by the source account. */
    TRANSFER_REFUND(false),
    /** A hold's expiry, keyed by the holding account. */
    HOLD_EXPIRY(false),
    /**
     * Word that a transfer's credit landed, keyed by the source account, which then remembers the
     * transfer as COMPLETED: a client repeating it there gets that answer, not PENDING.
     */
    TRANSFER_SETTLED(false);

    /** Every command decoded, fingerprinted and encoded asks for its name: compute each once. */
    private static final Map<String, CommandType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (CommandType t : values()) {
            BY_WIRE_NAME.put(t.wireName, t);
        }
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);
    private final boolean sentByClients;

    CommandType(boolean sentByClients) {
        this.sentByClients = sentByClients;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type as a client names it, or null when it is not one a client may send. */
    public static CommandType fromClientName(String name) {
        CommandType t = name == null ? null : BY_WIRE_NAME.get(name);
        return t != null && t.isClientCommand() ? t : null;
    }

    /** The type a record names; a name this engine does not know is an error that says so. */
    @JsonCreator
    public static CommandType fromWireName(String name) {
        CommandType t = name == null ? null : BY_WIRE_NAME.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown command type '" + name + "'");
        }
        return t;
    }

    public boolean isClientCommand() {
        return sentByClients;
    }

    /** Engine-written legs share their parent's txId; the kind tells them apart. */
    public boolean isLeg() {
        return !isClientCommand();
    }
}
