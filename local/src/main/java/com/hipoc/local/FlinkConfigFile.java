package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink {@code config.yaml} derived from the production one: its flat {@code key: value} lines
 * are kept (with their comments) unless overridden or dropped, and the overrides are appended.
 */
final class FlinkConfigFile {
    private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.\\-]+):\\s*(.*)$");

    private FlinkConfigFile() {
    }

    static void write(Path template, Path target, Map<String, String> overrides, List<String> droppedPrefixes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(template)) {
            Optional<String> key = key(line);
            boolean replaced = key.filter(k -> overrides.containsKey(k) || droppedPrefixes.stream().anyMatch(k::startsWith)).isPresent();
            if (!replaced) {
                lines.add(line);
            }
        }
        lines.add("");
        lines.add("# ---- Overrides written by hipoc local ----");
        overrides.forEach((k, v) -> lines.add(k + ": " + v));
        Files.createDirectories(target.getParent());
        Files.write(target, lines);
    }

    /** The value of a top-level key of a flat config file. */
    static Optional<String> value(Path config, String key) throws IOException {
        for (String line : Files.readAllLines(config)) {
            Matcher m = KEY.matcher(line);
            if (m.matches() && m.group(1).equals(key)) {
                return Optional.of(m.group(2).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> key(String line) {
        Matcher m = KEY.matcher(line);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
