package com.hipoc.ingress.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** API.md's timestamps: ISO-8601 UTC, always with milliseconds (ISO_INSTANT drops zero millis). */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(long epochMs) {
        return FORMAT.format(Instant.ofEpochMilli(epochMs));
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Accepts any ISO-8601 instant with an offset ({@code Z} or {@code +01:00}). */
    public static Instant parse(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(name + " must be an ISO-8601 timestamp with offset, e.g. 2026-11-24T10:00:00.000Z"));
        }
    }
}
