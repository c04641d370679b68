package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.job.state.CompactSerializer;
import com.hipoc.job.state.LayoutSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

import static com.hipoc.job.state.Varints.readSigned;
import static com.hipoc.job.state.Varints.writeSigned;

/**
 * Layout 2: a flags byte (account present, max balance present, how the memory's first
 * remembered generation is known); the account's currency, balance, held, overdraft limit, max
 * balance, status and version; the memory's clock, purge mark and first remembered generation
 * when there is one. Numbers as zig-zag varints. Layout 1, read only, had no first remembered
 * generation: its records are read as {@link MemoryIndex#UNKNOWN}.
 */
public final class AccountRecordSerializer extends CompactSerializer<AccountRecord> {
    private static final int LAYOUT = 2;
    private static final int HAS_ACCOUNT = 1;
    private static final int HAS_MAX_BALANCE = 2;
    private static final int HAS_FIRST_REMEMBERED = 4;
    private static final int FIRST_REMEMBERED_UNKNOWN = 8;

    public AccountRecordSerializer() {
        super(LAYOUT);
    }

    private AccountRecordSerializer(int layout) {
        super(layout);
    }

    @Override
    public int currentLayout() {
        return LAYOUT;
    }

    @Override
    protected CompactSerializer<AccountRecord> withLayout(int layout) {
        return new AccountRecordSerializer(layout);
    }

    @Override
    public AccountRecord createInstance() {
        return new AccountRecord();
    }

    @Override
    protected void write(AccountRecord record, DataOutputView out) throws IOException {
        AccountState a = record.account;
        long firstRemembered = record.memory.firstRemembered;
        int flags = (a != null ? HAS_ACCOUNT : 0) | (a != null && a.maxBalance != null ? HAS_MAX_BALANCE : 0)
                | (firstRemembered == MemoryIndex.UNKNOWN ? FIRST_REMEMBERED_UNKNOWN
                : firstRemembered != MemoryIndex.NONE ? HAS_FIRST_REMEMBERED : 0);
        out.writeByte(flags);
        if (a != null) {
            StringValue.writeString(a.currency, out);
            writeSigned(out, a.balance);
            writeSigned(out, a.held);
            writeSigned(out, a.overdraftLimit);
            if (a.maxBalance != null) {
                writeSigned(out, a.maxBalance);
            }
            StateCodes.write(out, a.status);
            writeSigned(out, a.version);
        }
        writeSigned(out, record.memory.clock);
        writeSigned(out, record.memory.purgedBelow);
        if ((flags & HAS_FIRST_REMEMBERED) != 0) {
            writeSigned(out, firstRemembered);
        }
    }

    @Override
    protected AccountRecord read(int layout, DataInputView in) throws IOException {
        AccountRecord record = new AccountRecord();
        int flags = in.readUnsignedByte();
        if ((flags & HAS_ACCOUNT) != 0) {
            AccountState a = new AccountState();
            a.currency = StringValue.readString(in);
            a.balance = readSigned(in);
            a.held = readSigned(in);
            a.overdraftLimit = readSigned(in);
            a.maxBalance = (flags & HAS_MAX_BALANCE) != 0 ? readSigned(in) : null;
            a.status = StateCodes.read(in, AccountStatus.values());
            a.version = readSigned(in);
            record.account = a;
        }
        record.memory.clock = readSigned(in);
        record.memory.purgedBelow = readSigned(in);
        if (layout < 2 || (flags & FIRST_REMEMBERED_UNKNOWN) != 0) {
            record.memory.firstRemembered = MemoryIndex.UNKNOWN;
        } else if ((flags & HAS_FIRST_REMEMBERED) != 0) {
            record.memory.firstRemembered = readSigned(in);
        }
        return record;
    }

    @Override
    protected LayoutSnapshot<AccountRecord> newSnapshot() {
        return new Snapshot();
    }

    /** Read reflectively by Flink when a checkpoint is restored. */
    public static final class Snapshot extends LayoutSnapshot<AccountRecord> {
        public Snapshot() {
            super(AccountRecordSerializer::new);
        }
    }
}
