package com.hipoc.bench.chaos;

import com.hipoc.local.StackFaults;

/**
 * One fault of the suite, injected into a running stack and ended the way an operator or a
 * supervisor ends it. Crashes are repaired at once; outages last the run's outage time.
 */
enum Fault {
    TASK_MANAGER("tm", "SIGKILL the TaskManager, start a new one", false),
    FLINK("flink", "SIGKILL JobManager and TaskManager, new cluster, each job from its own newest retained checkpoint", false),
    KAFKA("kafka", "restart the Kafka broker (same port and log)", false),
    MYSQL("mysql", "stop MariaDB for the outage, start it again", true),
    REDIS("redis", "stop Redis for the outage, start it again", true),
    INGRESS("ingress", "SIGKILL the ingress mid-request, start it again", false);

    private final String option;
    private final String description;
    private final boolean outage;

    Fault(String option, String description, boolean outage) {
        this.option = option;
        this.description = description;
        this.outage = outage;
    }

    String option() {
        return option;
    }

    /** As the command line spells it (picocli matches an enum value by it). */
    @Override
    public String toString() {
        return option;
    }

    String description() {
        return description;
    }

    /** Whether the part stays down for a while, so recovery is also measured from its restart. */
    boolean outage() {
        return outage;
    }

    /**
     * Whether only the read models need the part: the engine must then keep answering commands
     * (200/422) all the while it is down, and the read models catch up when it returns.
     */
    boolean readSideOnly() {
        return this == MYSQL || this == REDIS;
    }

    /** Takes the part down; returns once it is gone. */
    void inject(StackFaults stack) throws Exception {
        switch (this) {
            case TASK_MANAGER -> stack.killTaskManager();
            case FLINK -> stack.killFlink();
            case KAFKA -> stack.stopKafka();
            case MYSQL -> stack.stopMysql();
            case REDIS -> stack.stopRedis();
            case INGRESS -> stack.killIngress();
        }
    }

    /** Brings the part back; returns once it is running again. */
    void repair(StackFaults stack) throws Exception {
        switch (this) {
            case TASK_MANAGER -> stack.startTaskManager();
            case FLINK -> stack.startFlinkFromCheckpoint();
            case KAFKA -> stack.startKafka();
            case MYSQL -> stack.startMysql();
            case REDIS -> stack.startRedis();
            case INGRESS -> stack.startIngress();
        }
    }
}
