package com.hipoc.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortTest {
    @Test
    void findsBindablePortsBelowTheRangeOutgoingConnectionsTakeTheirsFrom() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = FreePort.find();
            assertThat(port).isBetween(20_000, 32_767);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(FreePort.isFree(port)).as("bound now").isFalse();
                assertThat(FreePort.preferred(port)).as("another one").isNotEqualTo(port);
            }
        }
    }
}
