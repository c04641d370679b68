package com.hipoc.ingress;

import com.hipoc.config.HipocConfig;
import com.hipoc.ingress.auth.HmacKeys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar hipoc-ingress.jar [--insecure]}. Settings come from the environment
 * ({@link HipocConfig}); signing keys from {@code HMAC_SECRET} (see {@link HmacKeys} for the
 * format). Without a key it refuses to start (exit 2) unless {@code --insecure} is given, for
 * a local stack only, and says so loudly. Prints {@code INGRESS READY http://host:port} once it
 * can take commands.
 */
public final class IngressMain {
    static final int EXIT_CONFIG = 2;
    private static final String INSECURE = "--insecure";

    private IngressMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> flags = List.of(args);
        if (!flags.stream().allMatch(INSECURE::equals)) {
            exit("usage: java -jar hipoc-ingress.jar [" + INSECURE + "]");
        }
        HipocConfig config = null;
        HmacKeys keys = null;
        try {
            config = HipocConfig.fromEnvironment();
            keys = HmacKeys.parse(config.ingress().hmacSecret());
        } catch (IllegalArgumentException e) {
            exit("refusing to start: " + e.getMessage());
        }
        if (keys.isEmpty() && !flags.contains(INSECURE)) {
            exit("refusing to start: HMAC_SECRET holds no signing key. Set HMAC_SECRET=keyId:secret[,keyId:secret...]"
                    + " or, for local development only, pass " + INSECURE + ".");
        }
        if (keys.isEmpty()) {
            System.out.println("INGRESS INSECURE: no HMAC_SECRET, requests are NOT authenticated (" + INSECURE + ")");
        } else {
            System.out.println("INGRESS signing keys: " + String.join(", ", keys.ids()));
        }
        IngressServer server = new IngressServer(config, keys, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ingress-shutdown"));
        while (!server.awaitReady(Duration.ofSeconds(30))) {
            System.out.println("INGRESS waiting for Kafka at " + config.kafka().brokers());
        }
        System.out.println("INGRESS READY http://" + config.ingress().httpHost() + ":" + server.port());
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(EXIT_CONFIG);
    }
}
