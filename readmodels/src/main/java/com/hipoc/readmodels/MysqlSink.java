package com.hipoc.readmodels;

import com.mysql.cj.jdbc.AbandonedConnectionCleanupThread;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A store sink into MySQL that stops Connector/J's {@code mysql-cj-abandoned-connection-cleanup}
 * thread when Flink releases the job's classes. Connector/J, in the job's jar, starts that thread
 * when it is first used and never stops it; the thread keeps the job's class loader, with every
 * class of the jar, alive: each upgrade of read-models left its classes (about 12 MB) in the
 * TaskManager's Metaspace, until it died of {@code OutOfMemoryError: Metaspace}
 * (docs/operations.md). {@link JdbcEndpoint#connect} keeps the driver out of {@code DriverManager}
 * for the same reason.
 */
final class MysqlSink<T> extends StoreSink<T> {
    MysqlSink(SerializableFunction<SinkMetrics, SinkWriter<T>> writers) {
        super(writers);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        // Unchecked: the checked shutdown acts only if the calling thread's context class loader is the job's.
        context.getUserCodeClassLoader().registerReleaseHookIfAbsent("mysql-cj-abandoned-connection-cleanup",
                AbandonedConnectionCleanupThread::uncheckedShutdown);
        return super.createWriter(context);
    }
}
