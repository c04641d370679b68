package com.hipoc.job.processor;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Enums in state as one byte: the ordinal plus one, zero for null. The enums stored this way
 * (statuses, command types, reasons) may only ever gain constants at their end.
 */
final class StateCodes {
    private StateCodes() {
    }

    static void write(DataOutputView out, Enum<?> value) throws IOException {
        out.writeByte(value == null ? 0 : value.ordinal() + 1);
    }

    static <E extends Enum<E>> E read(DataInputView in, E[] values) throws IOException {
        int code = in.readUnsignedByte();
        if (code > values.length) {
            throw new IOException("unknown " + values.getClass().getComponentType().getSimpleName() + " code " + code);
        }
        return code == 0 ? null : values[code - 1];
    }
}
