package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.EventJson;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.Topics;
import com.hipoc.events.TransactionRecord;
import com.hipoc.streaming.JobConfiguration;
import com.hipoc.streaming.RawRecord;
import com.hipoc.streaming.RawRecordDeserializer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * PLACEHOLDER until the read-models job lands: balance.events into MySQL and Redis with the
 * existing sinks, so that the operations tooling can be tested with two jobs.
 */
public final class ReadModelsJob {
    public static final String JOB_NAME = "read-models";
    private static final OutputTag<TransactionRecord> TRANSACTIONS = new OutputTag<>("transactions") { };
    private static final OutputTag<AccountSnapshot> ACCOUNTS = new OutputTag<>("accounts") { };

    private ReadModelsJob() {
    }

    public static void main(String[] args) throws Exception {
        HipocConfig config = HipocConfig.fromEnvironmentAndArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(JobConfiguration.of(config));
        KafkaSource<RawRecord> source = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafkaBrokers())
                .setTopics(Topics.EVENTS)
                .setGroupId(config.kafkaConsumerGroup() + "-read-models")
                .setClientIdPrefix(config.kafkaClientId() + "-read-models")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .build();
        SingleOutputStreamOperator<LedgerEntry> ledger = env.fromSource(source, WatermarkStrategy.noWatermarks(), "balance.events")
                .uid("event-source")
                .process(new ProcessFunction<RawRecord, LedgerEntry>() {
                    @Override
                    public void processElement(RawRecord raw, Context ctx, Collector<LedgerEntry> out) throws Exception {
                        BalanceEvent event = EventJson.decode(raw.value);
                        event.entries.forEach(out::collect);
                        if (event.transaction != null && event.outcome != null) {
                            event.transaction.outcome = event.outcome;
                            ctx.output(TRANSACTIONS, event.transaction);
                        }
                        if (event.accountAfter != null) {
                            ctx.output(ACCOUNTS, event.accountAfter);
                        }
                    }
                }).uid("event-rows");
        JdbcEndpoint mysql = JdbcEndpoint.of(config);
        ledger.sinkTo(ReadModelSinks.ledger(mysql)).uid("ledger-sink");
        ledger.getSideOutput(TRANSACTIONS).sinkTo(ReadModelSinks.transactions(mysql)).uid("transaction-sink");
        ledger.getSideOutput(ACCOUNTS).sinkTo(ReadModelSinks.accountRows(mysql)).uid("account-row-sink");
        ledger.getSideOutput(ACCOUNTS).sinkTo(ReadModelSinks.accountCache(RedisEndpoint.of(config))).uid("account-cache-sink");
        env.execute(JOB_NAME);
    }
}
