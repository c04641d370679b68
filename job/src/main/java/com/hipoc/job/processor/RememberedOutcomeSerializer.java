package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.job.state.CompactSerializer;
import com.hipoc.job.state.LayoutSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

import static com.hipoc.job.state.Varints.readSigned;
import static com.hipoc.job.state.Varints.writeSigned;

/**
 * Layout 1: the fingerprint (8 bytes), decidedAt, the status (0 when nobody was answered, and
 * nothing follows); then type, reason, acceptedAt as a difference from decidedAt, and the view:
 * a flags byte (present, own id, own currency), the id and currency when they are not the
 * state's, balance, held, available, version and status. About 30 bytes for a usual answer.
 */
public final class RememberedOutcomeSerializer extends CompactSerializer<RememberedOutcome> {
    private static final int LAYOUT = 1;
    private static final int HAS_VIEW = 1;
    private static final int HAS_ACCOUNT_ID = 2;
    private static final int HAS_CURRENCY = 4;

    public RememberedOutcomeSerializer() {
        super(LAYOUT);
    }

    private RememberedOutcomeSerializer(int layout) {
        super(layout);
    }

    @Override
    public int currentLayout() {
        return LAYOUT;
    }

    @Override
    protected CompactSerializer<RememberedOutcome> withLayout(int layout) {
        return new RememberedOutcomeSerializer(layout);
    }

    @Override
    public RememberedOutcome createInstance() {
        return new RememberedOutcome();
    }

    @Override
    protected void write(RememberedOutcome r, DataOutputView out) throws IOException {
        out.writeLong(r.fingerprint);
        writeSigned(out, r.decidedAt);
        StateCodes.write(out, r.status);
        if (r.status == null) {
            return;
        }
        StateCodes.write(out, r.type);
        StateCodes.write(out, r.reason);
        writeSigned(out, r.acceptedAt - r.decidedAt);
        AccountView v = r.account;
        if (v == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(HAS_VIEW | (v.account != null ? HAS_ACCOUNT_ID : 0) | (v.currency != null ? HAS_CURRENCY : 0));
        if (v.account != null) {
            StringValue.writeString(v.account, out);
        }
        if (v.currency != null) {
            StringValue.writeString(v.currency, out);
        }
        writeSigned(out, v.balance);
        writeSigned(out, v.held);
        writeSigned(out, v.available);
        writeSigned(out, v.version);
        StateCodes.write(out, v.status);
    }

    @Override
    protected RememberedOutcome read(int layout, DataInputView in) throws IOException {
        RememberedOutcome r = new RememberedOutcome();
        r.fingerprint = in.readLong();
        r.decidedAt = readSigned(in);
        r.status = StateCodes.read(in, OutcomeStatus.values());
        if (r.status == null) {
            return r;
        }
        r.type = StateCodes.read(in, CommandType.values());
        r.reason = StateCodes.read(in, RejectReason.values());
        r.acceptedAt = r.decidedAt + readSigned(in);
        int flags = in.readUnsignedByte();
        if ((flags & HAS_VIEW) != 0) {
            AccountView v = new AccountView();
            v.account = (flags & HAS_ACCOUNT_ID) != 0 ? StringValue.readString(in) : null;
            v.currency = (flags & HAS_CURRENCY) != 0 ? StringValue.readString(in) : null;
            v.balance = readSigned(in);
            v.held = readSigned(in);
            v.available = readSigned(in);
            v.version = readSigned(in);
            v.status = StateCodes.read(in, AccountStatus.values());
            r.account = v;
        }
        return r;
    }

    @Override
    protected LayoutSnapshot<RememberedOutcome> newSnapshot() {
        return new Snapshot();
    }

    /** Read reflectively by Flink when a checkpoint is restored. */
    public static final class Snapshot extends LayoutSnapshot<RememberedOutcome> {
        public Snapshot() {
            super(RememberedOutcomeSerializer::new);
        }
    }
}
