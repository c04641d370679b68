package com.hipoc.job.processor;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.Outcome;
import com.hipoc.events.TransactionRecord;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Record types and the one POJO state type are Flink POJOs all the way down, so the job runs with
 * {@code pipeline.generic-types: false} and fields can be added across savepoints. The other
 * state types have hand-written serializers: {@link CompactSerializersTest}.
 */
class StateTypesTest {
    @ParameterizedTest
    @ValueSource(classes = {HoldState.class, Command.class, Outcome.class, LedgerEntry.class, AccountSnapshot.class,
        TransactionRecord.class, BalanceEvent.class})
    void serialisesAsPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }
}
