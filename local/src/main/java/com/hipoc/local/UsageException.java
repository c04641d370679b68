package com.hipoc.local;

/** A command line that cannot be understood; reported in one line with exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
