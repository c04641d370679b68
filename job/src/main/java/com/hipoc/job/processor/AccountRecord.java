package com.hipoc.job.processor;

/**
 * All the processor keeps per account in one keyed value, so that a command reads and writes it
 * once: the account and the bookkeeping of its idempotency memory. The memory exists before the
 * account does, as commands on unknown accounts are remembered too. Stored by
 * {@link AccountRecordSerializer}.
 */
public class AccountRecord {
    /** Null until a command opens the account. */
    public AccountState account;
    public MemoryIndex memory = new MemoryIndex();

    public AccountRecord() {
    }
}
