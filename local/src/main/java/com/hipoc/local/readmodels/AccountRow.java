package com.hipoc.local.readmodels;

/** An {@code accounts} row, the fields the other read models must agree with. */
record AccountRow(String account, String currency, long balance, long held, String status, long version) {
}
