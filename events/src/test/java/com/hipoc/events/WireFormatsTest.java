package com.hipoc.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON every module shares: commands and outcomes on internal topics, events on the public one. */
class WireFormatsTest {
    @Test
    void aCommandSurvivesTheWireWithItsRoutingAndLeavesOutWhatIsUnset() throws IOException {
        Command c = Command.of(CommandType.TRANSFER, "t-1", "alice", 250L, "USD", 1_700_000_000_000L);
        c.counterparty = "bob";
        c.replyPartition = 3;
        c.requestId = 42;

        byte[] json = WireJson.encode(c);

        assertThat(WireJson.decode(json, Command.class)).isEqualTo(c);
        JsonNode tree = WireJson.MAPPER.readTree(json);
        assertThat(tree.get("type").textValue()).isEqualTo("transfer");
        assertThat(tree.has("holdTxId")).as("null fields are left out").isFalse();
    }

    @Test
    void anUnknownCommandTypeIsAnErrorThatNamesIt() {
        byte[] json = "{\"type\":\"teleport\",\"txId\":\"t\",\"account\":\"a\"}".getBytes();
        assertThatThrownBy(() -> WireJson.decode(json, Command.class)).hasMessageContaining("unknown command type 'teleport'");
    }

    @Test
    void clientsMayNameOnlyClientCommands() {
        assertThat(CommandType.fromClientName("deposit")).isEqualTo(CommandType.DEPOSIT);
        assertThat(CommandType.fromClientName("close")).isEqualTo(CommandType.CLOSE);
        assertThat(CommandType.fromClientName("transfer_credit")).as("a leg is the engine's").isNull();
        assertThat(CommandType.fromClientName("hold_expiry")).isNull();
        assertThat(CommandType.fromClientName(null)).isNull();
        for (CommandType t : CommandType.values()) {
            assertThat(t.isLeg()).isEqualTo(!t.isClientCommand());
            assertThat(CommandType.fromWireName(t.wireName())).isEqualTo(t);
        }
    }

    @Test
    void anEventShowsTheOutcomeAsTheClientSawItWithoutItsRouting() throws IOException {
        Command c = Command.of(CommandType.DEPOSIT, "t-2", "carol", 100L, "EUR", 1_700_000_000_000L);
        BalanceEvent event = BalanceEvent.of(c, OutcomeStatus.APPLIED, null);
        Outcome outcome = new Outcome();
        outcome.txId = "t-2";
        outcome.type = CommandType.DEPOSIT;
        outcome.status = OutcomeStatus.APPLIED;
        outcome.replyPartition = 2;
        outcome.requestId = 77;
        outcome.replayed = true;
        event.outcome = outcome;

        byte[] json = EventJson.encode(event);

        JsonNode tree = WireJson.MAPPER.readTree(json);
        assertThat(tree.get("v").intValue()).isEqualTo(BalanceEvent.VERSION);
        assertThat(tree.get("outcome").has("replyPartition")).isFalse();
        assertThat(tree.get("outcome").has("requestId")).isFalse();
        assertThat(tree.get("outcome").has("replayed")).isFalse();
        BalanceEvent back = EventJson.decode(json);
        assertThat(back.txId).isEqualTo("t-2");
        assertThat(back.outcome.status).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(back.outcome.requestId).isZero();
    }
}
