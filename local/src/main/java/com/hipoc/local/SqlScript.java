package com.hipoc.local;

import java.util.ArrayList;
import java.util.List;

/** Splits a schema file into statements: drops {@code --} comments, splits on {@code ;}. */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> statements(String script) {
        StringBuilder body = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            body.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String part : body.toString().split(";")) {
            if (!part.isBlank()) {
                statements.add(part.trim());
            }
        }
        return statements;
    }
}
