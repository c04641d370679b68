package com.hipoc.ingress.auth;

import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

/**
 * Checks API.md's request signature: {@code X-Key-Id} and
 * {@code X-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<METHOD>.<path with query>.<raw body>")>}.
 * Several {@code v1} values are accepted so a client may sign with two secrets while a key is
 * being rotated. Runs before routing, so an unsigned request learns nothing, not even 404.
 */
public final class HmacAuthenticator implements Handler {
    public static final Set<String> OPEN_PATHS = Set.of("/healthz", "/readyz", "/metrics");
    private static final long MAX_SKEW_SECONDS = 300;
    private static final String INVALID = "invalid signature";

    private final HmacKeys keys;
    private final Clock clock;

    public HmacAuthenticator(HmacKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        String keyId = ctx.header("X-Key-Id");
        String header = ctx.header("X-Signature");
        if (keyId == null || header == null) {
            throw fail("X-Key-Id and X-Signature are required");
        }
        SignatureHeader signature = SignatureHeader.parse(header);
        if (signature == null) {
            throw fail("X-Signature must be t=<unix seconds>,v1=<hex hmac-sha256>");
        }
        if (Math.abs(clock.instant().getEpochSecond() - signature.t()) > MAX_SKEW_SECONDS) {
            throw fail("signature timestamp is more than " + MAX_SKEW_SECONDS + " s from the server's clock");
        }
        byte[] secret = keys.secret(keyId);
        if (secret == null) {
            throw fail(INVALID);
        }
        byte[] expected = sign(secret, signature.t(), ctx);
        for (String candidate : signature.v1()) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw fail(INVALID);
    }

    /** Lowercase hex of the HMAC, as bytes so the comparison stays constant-time. */
    private static byte[] sign(byte[] secret, long t, Context ctx) {
        String query = ctx.queryString();
        String prefix = t + "." + ctx.method().name() + "." + ctx.path() + (query == null ? "" : "?" + query) + ".";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(ctx.bodyAsBytes());
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException fail(String detail) {
        return new ProblemException(Problem.unauthenticated(detail));
    }
}
