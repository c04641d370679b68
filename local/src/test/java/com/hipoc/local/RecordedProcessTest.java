package com.hipoc.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedProcessTest {
    @Test
    void thisProcessAsRecordedStillRuns() {
        String line = RecordedProcess.line(ProcessHandle.current()).orElseThrow();

        assertThat(RecordedProcess.stillRunning(line)).contains(ProcessHandle.current());
        assertThat(RecordedProcess.stillRunning(ProcessHandle.current().pid() + " 2000-01-01T00:00:00Z"))
                .as("the same pid started at another time").isEmpty();
    }

    @Test
    void aLineThatIsNotARecordIsRefusedNamingIt() {
        for (String garbled : new String[] {"12", "12 yesterday", "twelve 2000-01-01T00:00:00Z", "12 2000-01-01T00:00:00Z x"}) {
            assertThatThrownBy(() -> RecordedProcess.stillRunning(garbled))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a recorded process (<pid> <start time>): '" + garbled + "'");
        }
    }
}
