package com.hipoc.job.processor;

import com.hipoc.job.state.CompactSerializer;
import com.hipoc.job.state.LayoutSnapshot;
import com.hipoc.job.state.Varints;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/** Layout 1: the generation as a varint, then the key. */
public final class RememberedKeySerializer extends CompactSerializer<RememberedKey> {
    private static final int LAYOUT = 1;

    public RememberedKeySerializer() {
        super(LAYOUT);
    }

    private RememberedKeySerializer(int layout) {
        super(layout);
    }

    @Override
    public int currentLayout() {
        return LAYOUT;
    }

    @Override
    protected CompactSerializer<RememberedKey> withLayout(int layout) {
        return new RememberedKeySerializer(layout);
    }

    @Override
    public RememberedKey createInstance() {
        return new RememberedKey(0, "");
    }

    @Override
    protected void write(RememberedKey key, DataOutputView out) throws IOException {
        Varints.writeSigned(out, key.generation());
        StringValue.writeString(key.key(), out);
    }

    @Override
    protected RememberedKey read(int layout, DataInputView in) throws IOException {
        return new RememberedKey(Varints.readSigned(in), StringValue.readString(in));
    }

    @Override
    protected LayoutSnapshot<RememberedKey> newSnapshot() {
        return new Snapshot();
    }

    /** Read reflectively by Flink when a checkpoint is restored. */
    public static final class Snapshot extends LayoutSnapshot<RememberedKey> {
        public Snapshot() {
            super(RememberedKeySerializer::new);
        }
    }
}
