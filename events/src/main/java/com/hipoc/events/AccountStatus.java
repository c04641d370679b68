package com.hipoc.events;

public enum AccountStatus {
    ACTIVE, FROZEN, CLOSED
}
