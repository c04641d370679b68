package com.hipoc.ingress.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.ingress.http.Answer;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.OutcomeJson;
import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.Timestamps;

import java.util.Locale;

/**
 * The HTTP answer to a command, from what became of it:
 * <ul>
 * <li>APPLIED or COMPLETED: 200 with the outcome;</li>
 * <li>a transfer still PENDING at the end of the wait: 202, {@code Location}, the PENDING outcome;</li>
 * <li>no outcome within the wait (or {@code wait=0}): 202, {@code Location}, and
 *     {@code {txId, type, status: "ACCEPTED", acceptedAt}};</li>
 * <li>REJECTED or FAILED: 422 (409 for IDEMPOTENCY_CONFLICT) as an RFC 9457
 *     {@code application/problem+json} body: the outcome's fields, but {@code status} the HTTP
 *     code and the outcome's status in {@code outcomeStatus}, plus {@code code} (the reason),
 *     {@code title} and {@code detail};</li>
 * <li>not taken by the log: 503 UNAVAILABLE.</li>
 * </ul>
 * A repeat of a decided txId adds {@code Idempotent-Replayed: true}.
 */
public final class OutcomeAnswers {
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String LOCATION = "Location";

    private OutcomeAnswers() {
    }

    static Answer of(Reply reply) {
        if (!reply.taken()) {
            return Problem.unavailable("the log did not take the command in time; nothing was written; safe to retry").answer();
        }
        Outcome outcome = reply.outcome();
        if (outcome == null) {
            return accepted(reply.command());
        }
        Answer answer = switch (outcome.status) {
            case APPLIED, COMPLETED -> Answer.json(200, OutcomeJson.body(outcome));
            case PENDING -> Answer.json(202, OutcomeJson.body(outcome)).withHeader(LOCATION, location(outcome.txId));
            case REJECTED, FAILED -> rejection(outcome);
        };
        return outcome.replayed
                ? answer.withHeader(REPLAYED_HEADER, "true")
                : answer;
    }

    private static Answer accepted(Command command) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("txId", command.txId);
        json.put("type", command.type.wireName());
        json.put("status", "ACCEPTED");
        json.put("acceptedAt", Timestamps.format(command.ts));
        return Answer.json(202, json).withHeader(LOCATION, location(command.txId));
    }

    /**
     * RFC 9457 defines {@code status} as the HTTP status code, a number: typed problem readers
     * fail on {@code "REJECTED"} there, so the outcome's own status moves to {@code outcomeStatus}.
     */
    private static Answer rejection(Outcome outcome) {
        RejectReason reason = outcome.reason;
        boolean conflict = reason == RejectReason.IDEMPOTENCY_CONFLICT;
        int httpStatus = conflict ? 409 : 422;
        ObjectNode json = OutcomeJson.body(outcome);
        json.put("status", httpStatus);
        json.put("outcomeStatus", outcome.status.name());
        json.put("code", reason == null ? outcome.status.name() : reason.name());
        json.put("title", conflict ? "Idempotency conflict"
                : outcome.status == OutcomeStatus.FAILED ? "Transfer failed" : "Rejected by a balance rule");
        json.put("detail", detail(outcome));
        return Answer.problem(httpStatus, json);
    }

    private static String detail(Outcome outcome) {
        if (outcome.reason == null) {
            return "the command was " + outcome.status.name().toLowerCase(Locale.ROOT);
        }
        String why = switch (outcome.reason) {
            case INSUFFICIENT_FUNDS -> "available funds (balance - held + overdraft limit) do not cover the amount";
            case CURRENCY_MISMATCH -> "the account holds another currency";
            case ACCOUNT_NOT_FOUND -> "the account does not exist";
            case ACCOUNT_FROZEN -> "the account is frozen and takes no debits";
            case ACCOUNT_CLOSED -> "the account is closed";
            case MAX_BALANCE_EXCEEDED -> "the balance would exceed the account's maxBalance";
            case HOLD_NOT_FOUND -> "no open hold with that holdTxId on this account";
            case HOLD_EXCEEDED -> "the amount exceeds what remains of the hold";
            case ACCOUNT_NOT_EMPTY -> "an account must have no balance and no holds to be closed";
            case IDEMPOTENCY_CONFLICT -> "txId " + outcome.txId + " was already used with a different request";
        };
        return outcome.status == OutcomeStatus.FAILED ? why + "; the debit was refunded" : why;
    }

    private static String location(String txId) {
        return "/v1/transactions/" + txId;
    }
}
