package com.hipoc.readmodels;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text a {@code LOAD DATA} statement reads with its default format: a line per row, fields
 * separated by tabs, {@code \N} for NULL, and a backslash before a tab, newline or backslash
 * within a value. Written by hand because it is on the path of every row.
 */
final class TabSeparatedRows {
    private final StringBuilder text = new StringBuilder();
    private boolean rowStarted;

    TabSeparatedRows field(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\0' -> text.append("\\0");
                default -> text.append(c);
            }
        }
        return this;
    }

    TabSeparatedRows field(long value) {
        separate();
        text.append(value);
        return this;
    }

    TabSeparatedRows field(Long value) {
        return value == null ? field((String) null) : field(value.longValue());
    }

    TabSeparatedRows nulls(int count) {
        for (int i = 0; i < count; i++) {
            field((String) null);
        }
        return this;
    }

    /** A DATETIME(3) in UTC, as the schema keeps times. */
    TabSeparatedRows time(long epochMs) {
        separate();
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000), 0, ZoneOffset.UTC);
        text.append(t.getYear()).append('-');
        twoDigits(t.getMonthValue()).append('-');
        twoDigits(t.getDayOfMonth()).append(' ');
        twoDigits(t.getHour()).append(':');
        twoDigits(t.getMinute()).append(':');
        twoDigits(t.getSecond()).append('.');
        int millis = (int) Math.floorMod(epochMs, 1000);
        text.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
    }

    InputStream stream() {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    private StringBuilder twoDigits(int n) {
        return text.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
