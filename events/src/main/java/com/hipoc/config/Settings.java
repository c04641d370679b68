package com.hipoc.config;

import java.util.Map;

/** Reads one setting at a time from the environment, its default when unset or blank. */
record Settings(Map<String, String> env) {
    String string(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    int integer(String name, int fallback) {
        long v = longValue(name, fallback);
        if (v != (int) v) {
            throw new IllegalArgumentException(name + " must be an integer from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ", got '" + v + "'");
        }
        return (int) v;
    }

    long longValue(String name, long fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'", e);
        }
    }
}
