package com.hipoc.streaming;

import com.hipoc.config.HipocConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What a job's {@code main} does: settings from the environment and {@code --NAME=value}
 * program arguments, an environment configured with {@link JobConfiguration}, the job's
 * dataflow added, run under the job's name.
 */
public final class JobMain {
    private JobMain() {
    }

    /** Adds a job's dataflow, on the real systems, to a configured environment. */
    @FunctionalInterface
    public interface Dataflow {
        void buildInto(StreamExecutionEnvironment env, HipocConfig config) throws Exception;
    }

    public static void run(String jobName, String[] args, Dataflow dataflow) throws Exception {
        HipocConfig config = HipocConfig.fromEnvironmentAndArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(JobConfiguration.of(config));
        dataflow.buildInto(env, config);
        env.execute(jobName);
    }
}
