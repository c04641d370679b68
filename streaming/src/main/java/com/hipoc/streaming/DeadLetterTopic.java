package com.hipoc.streaming;

import com.hipoc.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Creates {@code balance.dlq} before the job starts: brokers may not create topics on demand,
 * and a dead letter with nowhere to go would fail the job it was meant to keep running.
 */
public final class DeadLetterTopic {
    private DeadLetterTopic() {
    }

    public static void ensureExists(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.DEAD_LETTERS, Optional.of(1), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + Topics.DEAD_LETTERS, e.getCause());
            }
        }
    }
}
