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
 * Layout 1: a flags byte (account present, max balance present); the account's currency,
 * balance, held, overdraft limit, max balance, status and version; the memory's clock and
 * purge mark. Numbers as zig-zag varints.
 */
public final class AccountRecordSerializer extends CompactSerializer<AccountRecord> {
    private static final int LAYOUT = 1;
    private static final int HAS_ACCOUNT = 1;
    private static final int HAS_MAX_BALANCE = 2;

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
        int flags = (a != null ? HAS_ACCOUNT : 0) | (a != null && a.maxBalance != null ? HAS_MAX_BALANCE : 0);
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
