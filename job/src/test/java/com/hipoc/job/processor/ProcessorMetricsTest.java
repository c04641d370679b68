package com.hipoc.job.processor;

import com.hipoc.events.CommandType;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorMetricsTest {
    /** Records every metric under its group path, e.g. {@code type.deposit.status.APPLIED.commands}. */
    private static final class RecordingGroup extends UnregisteredMetricsGroup {
        private final String path;
        private final Map<String, Metric> metrics;

        RecordingGroup(String path, Map<String, Metric> metrics) {
            this.path = path;
            this.metrics = metrics;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new RecordingGroup(path + key + '.' + value + '.', metrics);
        }

        @Override
        public Counter counter(String name) {
            return register(name, super.counter(name));
        }

        @Override
        public <H extends Histogram> H histogram(String name, H histogram) {
            return register(name, histogram);
        }

        private <M extends Metric> M register(String name, M metric) {
            metrics.put(path + name, metric);
            return metric;
        }
    }

    @Test
    void countsCommandsByTypeAndStatusAndRecordsTheirAge() {
        Map<String, Metric> metrics = new HashMap<>();
        ProcessorMetrics processorMetrics = new ProcessorMetrics(new RecordingGroup("", metrics));

        processorMetrics.decided(Commands.deposit("t1", "alice", 5, System.currentTimeMillis() - 40), "APPLIED");
        processorMetrics.decided(Commands.deposit("t2", "alice", 5, System.currentTimeMillis()), "APPLIED");
        processorMetrics.decided(Commands.status(CommandType.CLOSE, "c1", "alice", 0), "REJECTED");

        assertThat(((Counter) metrics.get("type.deposit.status.APPLIED.commands")).getCount()).isEqualTo(2);
        assertThat(((Counter) metrics.get("type.close.status.REJECTED.commands")).getCount()).isEqualTo(1);
        Histogram age = (Histogram) metrics.get("decisionAgeMs");
        assertThat(age.getCount()).isEqualTo(3);
        assertThat(age.getStatistics().getMin()).isGreaterThanOrEqualTo(0);
    }
}
