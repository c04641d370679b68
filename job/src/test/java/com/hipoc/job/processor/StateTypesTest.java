package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State and record types are POJOs all the way down, so the job runs with
 * {@code pipeline.generic-types: false} and fields can be added across savepoints.
 */
class StateTypesTest {
    @ParameterizedTest
    @ValueSource(classes = {AccountRecord.class, AccountState.class, HoldState.class, RememberedOutcome.class,
        RememberedKey.class, MemoryIndex.class, Command.class, Outcome.class, LedgerEntry.class, AccountSnapshot.class,
        TransactionRecord.class})
    void serialisesWithoutKryo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        SerializerConfigImpl noGenericTypes = new SerializerConfigImpl();
        noGenericTypes.setGenericTypes(false);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThat(info.createSerializer(noGenericTypes)).isNotNull();
    }
}
