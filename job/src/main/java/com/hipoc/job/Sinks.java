package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.job.sink.EventSerializer;
import com.hipoc.job.sink.LegSerializer;
import com.hipoc.job.sink.OutcomeSerializer;
import com.hipoc.streaming.Batching;
import com.hipoc.streaming.DeadLetter;
import com.hipoc.streaming.KafkaSinks;
import org.apache.flink.api.connector.sink2.Sink;

/** Where each output of the engine goes: Kafka in the job, collections in tests. */
public record Sinks(
        Sink<Outcome> outcomes,
        Sink<Command> legs,
        Sink<BalanceEvent> events,
        Sink<DeadLetter> deadLetters) {

    public static Sinks kafka(HipocConfig config) {
        String brokers = config.kafka().brokers();
        return new Sinks(
                KafkaSinks.atLeastOnce(brokers, new OutcomeSerializer(), Batching.PROMPT),
                KafkaSinks.atLeastOnce(brokers, new LegSerializer(), Batching.PROMPT),
                KafkaSinks.atLeastOnce(brokers, new EventSerializer(), Batching.BULK),
                KafkaSinks.deadLetters(brokers));
    }
}
