package com.hipoc.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestorePointTest {
    @Test
    void aSavepointNamedByAnOperatorIsAPathOrTheFileUriFlinkPrints() {
        RestorePoint fromUri = RestorePoint.savepoint("file:/srv/savepoints/savepoint-5c7e5c-0489bd83f0ba");
        RestorePoint fromPath = RestorePoint.savepoint("/srv/savepoints/savepoint-5c7e5c-0489bd83f0ba");

        assertThat(fromUri).isEqualTo(fromPath);
        assertThat(fromUri.path()).isEqualTo(Path.of("/srv/savepoints/savepoint-5c7e5c-0489bd83f0ba"));
        assertThat(fromUri.checkpoint()).as("kept for the operator, never claimed by the job").isFalse();
    }
}
