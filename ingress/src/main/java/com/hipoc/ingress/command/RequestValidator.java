package com.hipoc.ingress.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.ingress.http.Identifiers;
import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Turns a request body (plus the path's identifiers) into the Command the engine decides, or
 * refuses it with 400 before anything is written. Rules are API.md's: identifiers of 1 to 64
 * {@code A-Z a-z 0-9 . _ : -}, amounts JSON integers 1..10^15 (no strings, no 1.0), currency
 * 3 to 12 {@code A-Z 0-9}. Unknown fields are ignored so clients may send newer requests.
 */
public final class RequestValidator {
    private static final String OPEN_TX_PREFIX = "open:";

    private RequestValidator() {
    }

    /**
     * @param path identifiers the route puts in the path ({@code account}, {@code holdTxId});
     *             a batch item has none and names them in its body
     */
    public static Command command(CommandType type, JsonNode body, Map<String, String> path) {
        Command c = new Command();
        c.type = type;
        switch (type) {
            case OPEN -> {
                c.account = identifier(body, "account");
                c.currency = currency(body);
                c.overdraftLimit = optionalInteger(body, "overdraftLimit", 0);
                c.maxBalance = optionalInteger(body, "maxBalance", 0);
                c.txId = body.hasNonNull("txId") ? identifier(body, "txId") : openTxId(c.account);
            }
            case DEPOSIT, WITHDRAWAL -> {
                c.txId = identifier(body, "txId");
                c.account = identifier(body, "account");
                c.amount = amount(body, "amount");
                c.currency = currency(body);
            }
            case TRANSFER -> {
                c.txId = identifier(body, "txId");
                c.account = identifier(body, "from");
                c.counterparty = identifier(body, "to");
                c.amount = amount(body, "amount");
                c.currency = currency(body);
                if (c.account.equals(c.counterparty)) {
                    throw invalid("from and to must be different accounts");
                }
            }
            case HOLD -> {
                c.txId = identifier(body, "txId");
                c.account = identifier(body, "account");
                c.amount = amount(body, "amount");
                c.currency = currency(body);
                c.expiresInMs = optionalInteger(body, "expiresInMs", 1, Command.MAX_EXPIRES_IN_MS);
            }
            case CAPTURE, RELEASE -> {
                c.txId = identifier(body, "txId");
                c.account = identifier(body, "account");
                c.holdTxId = pathOrBody(path, body, "holdTxId");
                c.amount = type == CommandType.CAPTURE && body.hasNonNull("amount") ? amount(body, "amount") : null;
            }
            case FREEZE, UNFREEZE, CLOSE -> {
                c.txId = identifier(body, "txId");
                c.account = pathOrBody(path, body, "account");
            }
            default -> throw invalid("type " + type.wireName() + " cannot be sent by a client");
        }
        return c;
    }

    /**
     * An open without a txId gets one derived from the account, so retrying it is idempotent.
     * The id must stay within 64 characters; a long account id is hashed instead.
     */
    static String openTxId(String account) {
        String txId = OPEN_TX_PREFIX + account;
        if (txId.length() <= 64) {
            return txId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return (OPEN_TX_PREFIX + HexFormat.of().formatHex(digest)).substring(0, 64);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String pathOrBody(Map<String, String> path, JsonNode body, String name) {
        return path.containsKey(name) ? Identifiers.identifier(name, path.get(name)) : identifier(body, name);
    }

    private static String identifier(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            throw invalid(name + " is required");
        }
        if (!node.isTextual()) {
            throw invalid(name + " must be a string");
        }
        return Identifiers.identifier(name, node.textValue());
    }

    private static String currency(JsonNode body) {
        JsonNode node = body.get("currency");
        if (node == null || node.isNull()) {
            throw invalid("currency is required");
        }
        if (!node.isTextual() || !Identifiers.isCurrency(node.textValue())) {
            throw invalid("currency must be 3 to 12 characters of A-Z 0-9");
        }
        return node.textValue();
    }

    private static long amount(JsonNode body, String name) {
        if (!body.hasNonNull(name)) {
            throw invalid(name + " is required");
        }
        return integer(body.get(name), name, 1);
    }

    private static Long optionalInteger(JsonNode body, String name, long min) {
        return optionalInteger(body, name, min, Command.MAX_AMOUNT);
    }

    private static Long optionalInteger(JsonNode body, String name, long min, long max) {
        return body.hasNonNull(name) ? integer(body.get(name), name, min, max) : null;
    }

    private static long integer(JsonNode node, String name, long min) {
        return integer(node, name, min, Command.MAX_AMOUNT);
    }

    private static long integer(JsonNode node, String name, long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw invalid(name + " must be a JSON integer from " + min + " to " + max);
        }
        return node.longValue();
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(Problem.invalid(detail));
    }
}
