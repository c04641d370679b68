package com.hipoc.local;

/** A command line that cannot be understood; reported in one line with exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
