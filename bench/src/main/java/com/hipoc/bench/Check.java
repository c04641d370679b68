package com.hipoc.bench;

/** A correctness check after a run: whether it passed, and what it found, in one line. */
public record Check(boolean passed, String summary) {
}
