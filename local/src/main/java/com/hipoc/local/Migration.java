package com.hipoc.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One numbered schema change: {@code V<version>__<name>.sql} in the migrations directory. */
public record Migration(int version, String name, Path file) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** The migration a file holds, or empty when its name is not a migration's. */
    static Optional<Migration> of(Path file) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(new Migration(Integer.parseInt(m.group(1)), m.group(2), file)) : Optional.empty();
    }
}
