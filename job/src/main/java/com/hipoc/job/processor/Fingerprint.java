package com.hipoc.job.processor;

import com.hipoc.events.Command;

/**
 * A 64-bit digest of everything a repeat must match: the whole request except its ts and reply
 * routing, and except its account, which is the state key and so the same for every command
 * compared. Eight bytes per remembered command instead of the request's text. Two different
 * requests under one txId digesting alike (odds about 2^-64) would answer the second with the
 * first's outcome instead of a conflict; nothing would be applied twice or lost.
 */
final class Fingerprint {
    private static final long PRIME = 0x100000001B3L;
    private static final long NULL = 0x9E3779B97F4A7C15L;

    private long hash = 0xCBF29CE484222325L;

    private Fingerprint() {
    }

    static long of(Command c) {
        return new Fingerprint()
                .add(c.type.ordinal())
                .add(c.amount).add(c.currency).add(c.counterparty).add(c.holdTxId)
                .add(c.overdraftLimit).add(c.maxBalance).add(c.expiresInMs)
                .add(c.reason == null ? null : (long) c.reason.ordinal())
                .digest();
    }

    private Fingerprint add(long value) {
        hash = (hash ^ value) * PRIME;
        hash = (hash ^ (value >>> 32)) * PRIME;
        return this;
    }

    private Fingerprint add(Long value) {
        return value == null ? add(NULL) : add(value.longValue());
    }

    private Fingerprint add(String value) {
        if (value == null) {
            return add(NULL);
        }
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * PRIME;
        }
        return add(value.length());
    }

    /** Murmur3's finaliser, so that requests differing in one low bit differ in every bit. */
    private long digest() {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
