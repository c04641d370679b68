package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.job.state.CompactSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written state serializers: exact round trips, small sizes, and what their snapshots accept. */
class CompactSerializersTest {
    @Test
    void accountRecordRoundTripsEveryField() throws IOException {
        AccountRecord fresh = new AccountRecord();
        assertThat(roundTrip(new AccountRecordSerializer(), fresh)).usingRecursiveComparison().isEqualTo(fresh);

        AccountRecord full = new AccountRecord();
        full.account = AccountState.opened("USDT");
        full.account.balance = -250;
        full.account.held = 1_000_000_000_000_000L;
        full.account.overdraftLimit = 500;
        full.account.maxBalance = 1_000_000L;
        full.account.status = AccountStatus.FROZEN;
        full.account.version = 42;
        full.memory.clock = 1_764_842_400_123L;
        full.memory.purgedBelow = 20_426;
        full.memory.firstRemembered = 20_427;
        assertThat(roundTrip(new AccountRecordSerializer(), full)).usingRecursiveComparison().isEqualTo(full);
        assertThat(size(new AccountRecordSerializer(), full)).isLessThanOrEqualTo(36);

        full.memory.firstRemembered = MemoryIndex.UNKNOWN;
        assertThat(roundTrip(new AccountRecordSerializer(), full)).usingRecursiveComparison().isEqualTo(full);
    }

    @Test
    void anAccountRecordOfLayoutOneReadsItsMemoryAsUnknown() throws IOException {
        AccountRecord record = new AccountRecord();
        record.account = AccountState.opened("EUR");
        record.memory.clock = 1_764_842_400_123L;
        record.memory.purgedBelow = 20_426;
        // With nothing remembered, layout 2 writes exactly the bytes layout 1 did.
        DataOutputSerializer out = new DataOutputSerializer(64);
        new AccountRecordSerializer().serialize(record, out);
        TypeSerializer<AccountRecord> layoutOne = snapshotOfLayout(1).restoreSerializer();

        AccountRecord read = layoutOne.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read.account).usingRecursiveComparison().isEqualTo(record.account);
        assertThat(read.memory.purgedBelow).isEqualTo(20_426);
        assertThat(read.memory.firstRemembered).as("every live generation may hold entries").isEqualTo(MemoryIndex.UNKNOWN);
    }

    @Test
    void rememberedOutcomeRoundTripsAnswersAndSilence() throws IOException {
        RememberedOutcome silent = new RememberedOutcome();
        silent.fingerprint = -7;
        silent.decidedAt = 1_764_842_400_123L;
        assertThat(roundTrip(new RememberedOutcomeSerializer(), silent)).usingRecursiveComparison().isEqualTo(silent);

        RememberedOutcome answered = new RememberedOutcome();
        answered.fingerprint = Long.MIN_VALUE;
        answered.decidedAt = 1_764_842_400_123L;
        answered.acceptedAt = 1_764_842_399_000L;
        answered.status = OutcomeStatus.REJECTED;
        answered.type = CommandType.TRANSFER;
        answered.reason = RejectReason.INSUFFICIENT_FUNDS;
        answered.account = new AccountView(null, null, 700, 0, 700, 3, AccountStatus.ACTIVE);
        assertThat(roundTrip(new RememberedOutcomeSerializer(), answered)).usingRecursiveComparison().isEqualTo(answered);
        assertThat(size(new RememberedOutcomeSerializer(), answered)).isLessThanOrEqualTo(30);

        answered.account = new AccountView("bob", "EUR", 1, 2, 3, 4, AccountStatus.CLOSED);
        assertThat(roundTrip(new RememberedOutcomeSerializer(), answered)).usingRecursiveComparison().isEqualTo(answered);
    }

    @Test
    void rememberedKeyRoundTrips() throws IOException {
        RememberedKey key = new RememberedKey(20_426, "t-1|transfer_credit|alice");
        assertThat(roundTrip(new RememberedKeySerializer(), key)).isEqualTo(key);
    }

    @Test
    void snapshotsAcceptTheirOwnLayoutMigrateOlderOnesAndRefuseNewerOnes() throws IOException {
        TypeSerializerSnapshot<AccountRecord> current = restored(new AccountRecordSerializer().snapshotConfiguration());
        assertThat(current.restoreSerializer()).isEqualTo(new AccountRecordSerializer());
        assertThat(new AccountRecordSerializer().snapshotConfiguration().resolveSchemaCompatibility(current).isCompatibleAsIs())
                .isTrue();

        TypeSerializerSnapshot<AccountRecord> older = snapshotOfLayout(new AccountRecordSerializer().currentLayout() - 1);
        assertThat(new AccountRecordSerializer().snapshotConfiguration().resolveSchemaCompatibility(older)
                .isCompatibleAfterMigration()).isTrue();

        TypeSerializerSnapshot<AccountRecord> newer = snapshotOfLayout(new AccountRecordSerializer().currentLayout() + 1);
        TypeSerializerSchemaCompatibility<AccountRecord> fromTheFuture =
                new AccountRecordSerializer().snapshotConfiguration().resolveSchemaCompatibility(newer);
        assertThat(fromTheFuture.isIncompatible()).isTrue();

        TypeSerializerSchemaCompatibility<RememberedKey> otherType = new RememberedKeySerializer().snapshotConfiguration()
                .resolveSchemaCompatibility(cast(new RememberedOutcomeSerializer().snapshotConfiguration()));
        assertThat(otherType.isIncompatible()).isTrue();
    }

    /** A snapshot as an older or newer build would have written it: the same class, another layout number. */
    private static TypeSerializerSnapshot<AccountRecord> snapshotOfLayout(int layout) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(layout);
        AccountRecordSerializer.Snapshot snapshot = new AccountRecordSerializer.Snapshot();
        snapshot.readSnapshot(snapshot.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                CompactSerializersTest.class.getClassLoader());
        return snapshot;
    }

    private static <T> TypeSerializerSnapshot<T> restored(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                CompactSerializersTest.class.getClassLoader());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> TypeSerializerSnapshot<T> cast(TypeSerializerSnapshot<?> snapshot) {
        return (TypeSerializerSnapshot) snapshot;
    }

    private static <T> T roundTrip(CompactSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        T read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(serializer.copy(value)).usingRecursiveComparison().isEqualTo(read);
        return read;
    }

    private static <T> int size(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return out.length();
    }
}
