package com.hipoc.job.state;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * What a checkpoint records of a {@link CompactSerializer}: its layout number. On restore, the
 * same layout is compatible as is; an older one is read with that layout and rewritten with the
 * current one (Flink's state migration); a newer one, from a later build, is refused.
 *
 * <p>Flink creates a snapshot reflectively, so each serializer has a subclass with a no-argument
 * constructor naming its current serializer.
 *
 * @param <T> the state type
 */
public abstract class LayoutSnapshot<T> implements TypeSerializerSnapshot<T> {
    private static final int SNAPSHOT_VERSION = 1;

    private final Supplier<CompactSerializer<T>> current;
    private int layout;

    protected LayoutSnapshot(Supplier<CompactSerializer<T>> current) {
        this.current = current;
        this.layout = current.get().currentLayout();
    }

    /** For {@link CompactSerializer#snapshotConfiguration()} of a serializer reading an older layout. */
    LayoutSnapshot<T> ofLayout(int serializerLayout) {
        layout = serializerLayout;
        return this;
    }

    @Override
    public int getCurrentVersion() {
        return SNAPSHOT_VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(layout);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        layout = in.readInt();
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return current.get().restoredWith(layout);
    }

    /** Called on the new serializer's snapshot with the one the checkpoint holds. */
    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        if (old.getClass() != getClass()) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        int oldLayout = ((LayoutSnapshot<T>) old).layout;
        if (oldLayout == layout) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return oldLayout < layout
                ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
