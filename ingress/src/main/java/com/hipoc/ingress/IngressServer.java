package com.hipoc.ingress;

import com.hipoc.config.HipocConfig;
import com.hipoc.ingress.auth.HmacAuthenticator;
import com.hipoc.ingress.auth.HmacKeys;
import com.hipoc.ingress.command.BatchRoute;
import com.hipoc.ingress.command.CommandDispatcher;
import com.hipoc.ingress.command.CommandRoutes;
import com.hipoc.ingress.command.StageTimers;
import com.hipoc.ingress.http.ClientLimits;
import com.hipoc.ingress.http.ErrorMapping;
import com.hipoc.ingress.http.HttpMetrics;
import com.hipoc.ingress.http.OpsRoutes;
import com.hipoc.ingress.kafka.CommandPublisher;
import com.hipoc.ingress.kafka.ReadModelLag;
import com.hipoc.ingress.kafka.ReplyRouter;
import com.hipoc.ingress.read.ReadRoutes;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Duration;

/** The ingress: its HTTP routes and the Kafka, Redis and MySQL clients behind them. */
public final class IngressServer implements AutoCloseable {
    /** Fits a batch of 1000 commands several times over, and bounds what one request can cost. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final int STORE_TIMEOUT_MS = 1000;

    private final HipocConfig config;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final QueuedThreadPool threads = new QueuedThreadPool(256, 8);
    private final CommandPublisher publisher;
    private final ReplyRouter replies;
    private final ReadModelLag readModelLag;
    private final HikariDataSource db;
    private final RedisClient redis;
    private final Javalin http;

    /** @param keys signing keys; none means requests are not authenticated (the caller decides if that is allowed) */
    public IngressServer(HipocConfig config, HmacKeys keys, Clock clock) {
        this.config = config;
        this.threads.setName("ingress-http");
        this.publisher = new CommandPublisher(config, metrics);
        this.replies = new ReplyRouter(config, metrics);
        this.readModelLag = new ReadModelLag(config, metrics, clock);
        this.db = dataSource(config);
        this.redis = redis(config);
        CommandDispatcher dispatcher = new CommandDispatcher(publisher, replies, config.ingress().instance(), clock);
        this.http = Javalin.create(cfg -> {
            server(cfg);
            cfg.requestLogger.http(new HttpMetrics(metrics));
            if (!keys.isEmpty()) {
                cfg.routes.before(new HmacAuthenticator(keys, clock));
            }
            ErrorMapping.register(cfg.routes);
            new OpsRoutes(this::isReady, metrics).register(cfg.routes);
            new CommandRoutes(dispatcher, config.ingress().replyWaitMs(), threads, new StageTimers(metrics)).register(cfg.routes);
            new BatchRoute(dispatcher, config.ingress().replyWaitMs(), threads).register(cfg.routes);
            new ReadRoutes(redis, db, clock).register(cfg.routes);
        });
    }

    private void server(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jetty.threadPool = threads;
        ClientLimits.apply(cfg.jetty, config);
        cfg.http.maxRequestSize = MAX_BODY_BYTES;
        cfg.http.prefer405over404 = true;
    }

    /** Reads must fail fast (503) when a store is down, and the ingress must start without them. */
    private static HikariDataSource dataSource(HipocConfig config) {
        HikariConfig h = new HikariConfig();
        h.setPoolName("ingress-mysql");
        h.setJdbcUrl(config.mysql().jdbcUrl());
        h.setUsername(config.mysql().user());
        h.setPassword(config.mysql().password());
        h.setMaximumPoolSize(16);
        h.setConnectionTimeout(STORE_TIMEOUT_MS);
        h.setInitializationFailTimeout(-1);
        h.setReadOnly(true);
        return new HikariDataSource(h);
    }

    private static RedisClient redis(HipocConfig config) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxWait(Duration.ofMillis(STORE_TIMEOUT_MS));
        return RedisClient.builder()
                .hostAndPort(config.redis().host(), config.redis().port())
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(STORE_TIMEOUT_MS)
                        .socketTimeoutMillis(STORE_TIMEOUT_MS)
                        .build())
                .poolConfig(pool)
                .build();
    }

    public IngressServer start() {
        replies.start();
        readModelLag.start();
        http.start();
        return this;
    }

    /** Ready once commands can be produced and outcomes read (API.md's /readyz). */
    public boolean isReady() {
        return publisher.isReady() && replies.isReady();
    }

    /** Waits until ready or until {@code timeout} has passed; says which. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(publisher.checkReady() && replies.isReady())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    public int port() {
        return http.port();
    }

    public Javalin javalin() {
        return http;
    }

    @Override
    public void close() {
        http.stop();
        try {
            replies.close();
            readModelLag.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
        redis.close();
        db.close();
        metrics.close();
    }
}
