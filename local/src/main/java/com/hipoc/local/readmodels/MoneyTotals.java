package com.hipoc.local.readmodels;

import com.hipoc.events.CommandType;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the money came from and went: money enters only by deposits and leaves only by
 * withdrawals and captures; transfers move it between accounts, so every transfer debit comes
 * back as a credit at the destination or a refund at the source. Sums are BigIntegers: a
 * million balances near the ceiling overflow a long.
 */
final class MoneyTotals {
    private final Map<CommandType, BigInteger> byKind = new EnumMap<>(CommandType.class);
    private BigInteger balances = BigInteger.ZERO;

    /** Adds an entry's amount to its kind's sum, after checking the amount moves money the way its kind does. */
    void add(LedgerRow e, Mismatches mismatches) {
        CommandType kind;
        try {
            kind = CommandType.fromWireName(e.kind());
        } catch (IllegalArgumentException unknown) {
            mismatches.add(e.account(), "ledger seq " + e.seq() + " has unknown kind '" + e.kind() + "'");
            return;
        }
        if (Long.signum(e.amount()) != sign(kind)) {
            mismatches.add(e.account(), "ledger seq " + e.seq() + " " + e.kind() + " with amount " + e.amount());
        }
        byKind.merge(kind, BigInteger.valueOf(e.amount()), BigInteger::add);
    }

    private static int sign(CommandType kind) {
        switch (kind) {
            case DEPOSIT:
            case TRANSFER_CREDIT:
            case TRANSFER_REFUND:
                return 1;
            case WITHDRAWAL:
            case TRANSFER:
            case CAPTURE:
                return -1;
            default:
                return 0;
        }
    }

    void addBalance(AccountRow row) {
        balances = balances.add(BigInteger.valueOf(row.balance()));
    }

    void check(Mismatches mismatches) {
        BigInteger deposits = sum(CommandType.DEPOSIT);
        BigInteger withdrawals = sum(CommandType.WITHDRAWAL).negate();
        BigInteger captures = sum(CommandType.CAPTURE).negate();
        BigInteger expected = deposits.subtract(withdrawals).subtract(captures);
        if (!balances.equals(expected)) {
            mismatches.add("totals", "sum of balances " + balances + " != deposits " + deposits + " - withdrawals " + withdrawals
                    + " - captures " + captures + " (= " + expected + ")");
        }
        BigInteger debits = sum(CommandType.TRANSFER).negate();
        BigInteger credits = sum(CommandType.TRANSFER_CREDIT);
        BigInteger refunds = sum(CommandType.TRANSFER_REFUND);
        if (!debits.equals(credits.add(refunds))) {
            mismatches.add("totals", "transfer debits " + debits + " != credits " + credits + " + refunds " + refunds
                    + " (a transfer still in flight, or a leg lost)");
        }
    }

    private BigInteger sum(CommandType kind) {
        return byKind.getOrDefault(kind, BigInteger.ZERO);
    }
}
