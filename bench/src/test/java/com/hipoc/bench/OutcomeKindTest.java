package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.events.WireJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers as API.md shapes them: the outcome's status is in outcomeStatus of a 409/422 problem, in status otherwise. */
class OutcomeKindTest {
    private static JsonNode json(String body) throws Exception {
        return WireJson.MAPPER.readTree(body);
    }

    @Test
    void aRejectionProblemCountsAsItsOutcomeNotItsHttpStatus() throws Exception {
        JsonNode rejected = json("{\"txId\":\"t\",\"type\":\"withdrawal\",\"status\":422,\"reason\":\"INSUFFICIENT_FUNDS\","
                + "\"outcomeStatus\":\"REJECTED\",\"code\":\"INSUFFICIENT_FUNDS\"}");
        JsonNode failed = json("{\"txId\":\"t\",\"type\":\"transfer\",\"status\":422,\"reason\":\"ACCOUNT_CLOSED\","
                + "\"outcomeStatus\":\"FAILED\",\"code\":\"ACCOUNT_CLOSED\"}");

        assertThat(OutcomeKind.ofAnswer(422, rejected)).isEqualTo("REJECTED:INSUFFICIENT_FUNDS");
        assertThat(OutcomeKind.ofAnswer(422, failed)).isEqualTo("FAILED:ACCOUNT_CLOSED");
    }

    @Test
    void aPlainOutcomeCountsByItsStatus() throws Exception {
        assertThat(OutcomeKind.ofAnswer(200, json("{\"txId\":\"t\",\"status\":\"APPLIED\"}"))).isEqualTo("APPLIED");
        assertThat(OutcomeKind.ofAnswer(202, json("{\"txId\":\"t\",\"status\":\"PENDING\"}"))).isEqualTo("error:late-PENDING");
    }

    @Test
    void anotherProblemIsAnErrorNamedByItsCode() throws Exception {
        JsonNode unavailable = json("{\"type\":\"urn:hipoc:problem:unavailable\",\"status\":503,\"code\":\"UNAVAILABLE\"}");

        assertThat(OutcomeKind.ofAnswer(503, unavailable)).isEqualTo("error:503-UNAVAILABLE");
    }
}
