package com.hipoc.local.readmodels;

/** An account as MySQL holds it, its newest ledger row: the fields Redis must agree with. */
record AccountRow(String account, String currency, long balance, long held, String status, long version) {
}
