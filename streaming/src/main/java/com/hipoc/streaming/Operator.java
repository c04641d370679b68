package com.hipoc.streaming;

import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * An operator's uid and display name. A uid is how a savepoint finds an operator's state again:
 * never change one, only add new ones.
 */
public record Operator(String uid, String name) {
    public <T> SingleOutputStreamOperator<T> applyTo(SingleOutputStreamOperator<T> operator) {
        return operator.uid(uid).name(name);
    }

    public <T> DataStreamSink<T> applyTo(DataStreamSink<T> sink) {
        return sink.uid(uid).name(name);
    }
}
