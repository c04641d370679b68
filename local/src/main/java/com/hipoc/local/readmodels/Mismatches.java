package com.hipoc.local.readmodels;

import java.util.ArrayList;
import java.util.List;

/** Every disagreement found, counted; the first few kept to show the operator. */
public final class Mismatches {
    static final int SHOWN = 20;

    private final List<String> first = new ArrayList<>();
    private long count;

    void add(String subject, String detail) {
        count++;
        if (first.size() < SHOWN) {
            first.add(subject + ": " + detail);
        }
    }

    public long count() {
        return count;
    }

    public List<String> first() {
        return List.copyOf(first);
    }
}
