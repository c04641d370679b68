package com.hipoc.readmodels;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps what a MiniCluster job writes, for the test that made it: each writer writes its
 * elements with Flink's own serializer into a file of its own in the test's directory, which
 * {@link #collected} reads once the job has ended. A file, not a static registry, because the
 * sink reaches its writers serialized.
 */
final class CollectingSink<T> implements Sink<T> {
    private final String dir;
    private final TypeSerializer<T> serializer;

    CollectingSink(Path dir, Class<T> type) {
        this.dir = dir.toString();
        this.serializer = TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    /** Each writer's elements in the order it got them, writer after writer. */
    List<T> collected() throws IOException {
        List<T> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.sorted().toList()) {
                DataInputDeserializer in = new DataInputDeserializer(Files.readAllBytes(file));
                while (in.available() > 0) {
                    items.add(serializer.deserialize(in));
                }
            }
        }
        return items;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        TypeSerializer<T> own = serializer.duplicate();
        DataOutputViewStreamWrapper out = new DataOutputViewStreamWrapper(
                new BufferedOutputStream(Files.newOutputStream(Path.of(dir, UUID.randomUUID() + ".bin"))));
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws IOException {
                own.serialize(element, out);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
