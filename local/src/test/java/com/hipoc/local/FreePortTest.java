package com.hipoc.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

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

    @Test
    void neverHandsOutAPortTwiceSoAPlannedServerKeepsItsPortUntilItBindsIt() {
        // 1,000 random draws from about 12,800 ports would repeat one almost surely.
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(ports.add(FreePort.find())).as("a new port").isTrue();
        }
    }
}
