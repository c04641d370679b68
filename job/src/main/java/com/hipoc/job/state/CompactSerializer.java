package com.hipoc.job.state;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A hand-written serializer for one state type: a compact binary layout instead of the POJO
 * serializer's reflection and per-field tags (BENCHMARKS.md: the state's size drives RocksDB's
 * compaction, its biggest cost). Each layout has a number, kept in the serializer's snapshot:
 * a savepoint written with an older layout is read with it and migrated by Flink on restore.
 *
 * @param <T> a mutable state type
 */
public abstract class CompactSerializer<T> extends TypeSerializer<T> {
    private final int layout;

    protected CompactSerializer(int layout) {
        this.layout = layout;
    }

    /** The layout this build writes. */
    public abstract int currentLayout();

    /** The same serializer reading and writing {@code layout}. */
    protected abstract CompactSerializer<T> withLayout(int layout);

    protected abstract void write(T value, DataOutputView out) throws IOException;

    protected abstract T read(int layout, DataInputView in) throws IOException;

    /** A new, empty snapshot of this serializer's own {@link LayoutSnapshot} subclass. */
    protected abstract LayoutSnapshot<T> newSnapshot();

    protected int layout() {
        return layout;
    }

    CompactSerializer<T> restoredWith(int snapshotLayout) {
        return snapshotLayout == layout ? this : withLayout(snapshotLayout);
    }

    @Override
    public final void serialize(T value, DataOutputView out) throws IOException {
        if (layout != currentLayout()) {
            throw new IllegalStateException("layout " + layout + " is read only, to migrate older state");
        }
        write(value, out);
    }

    @Override
    public final T deserialize(DataInputView in) throws IOException {
        return read(layout, in);
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    /** Rare (the heap backend's copy-on-write snapshots): a round trip through the layout is copy enough. */
    @Override
    public final T copy(T from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(64);
            write(from, out);
            return read(currentLayout(), new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        write(read(layout, source), target);
    }

    @Override
    public final LayoutSnapshot<T> snapshotConfiguration() {
        return newSnapshot().ofLayout(layout);
    }

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((CompactSerializer<?>) o).layout == layout;
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + layout;
    }
}
