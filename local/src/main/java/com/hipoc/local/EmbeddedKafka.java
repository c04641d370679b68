package com.hipoc.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) in this JVM, keeping its
 * log under a directory so a restart finds its topics and offsets again.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaConfig config;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafka(KafkaConfig config, int port) {
        this.config = config;
        this.port = port;
    }

    /** Starts a broker on {@code port} (0 for any free one) with its log in {@code dir}. */
    public static EmbeddedKafka start(Path dir, int port) throws IOException {
        int brokerPort = port > 0 ? port : FreePort.find();
        int controllerPort = FreePort.find();
        Path logDir = dir.resolve("log");
        Files.createDirectories(logDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // A local stack keeps a day of commands; production retention is the operator's call.
        props.put("log.retention.hours", "24");
        Path configFile = dir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(configFile)) {
            props.store(w, "written by hipoc local");
        }
        format(dir, configFile);
        EmbeddedKafka kafka = new EmbeddedKafka(new KafkaConfig(props), brokerPort);
        kafka.startBroker();
        return kafka;
    }

    /**
     * Starts the broker: once at creation, and again after {@link #close} on the same ports and
     * log, as after an operator's restart of a one-node cluster: clients see it back with every record.
     */
    public void startBroker() {
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /** Formats the log dir once; the cluster id is kept so later starts reuse the same log. */
    private static void format(Path dir, Path configFile) throws IOException {
        Path idFile = dir.resolve("cluster.id");
        if (!Files.exists(idFile)) {
            Files.writeString(idFile, base64Uuid());
        }
        String clusterId = Files.readString(idFile).trim();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // StorageTool.main calls System.exit; execute() does the same work and returns.
        StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(out));
    }

    private static String base64Uuid() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Creates the topic unless it exists; an existing topic keeps its partition count. */
    public void createTopic(String name, int partitions) {
        createTopics(bootstrapServers(), List.of(new NewTopic(name, partitions, (short) 1)));
    }

    /** Creates each topic on any broker unless it exists; an existing topic keeps its partitions and settings. */
    public static void createTopics(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
