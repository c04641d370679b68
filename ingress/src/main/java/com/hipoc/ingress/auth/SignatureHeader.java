package com.hipoc.ingress.auth;

import java.util.ArrayList;
import java.util.List;

/** The parsed {@code X-Signature} header: its timestamp and every {@code v1} it carries. */
record SignatureHeader(long t, List<String> v1) {
    /** The header's parts, or null when it is malformed. */
    static SignatureHeader parse(String header) {
        Long t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equals("t")) {
                if (t != null || !value.matches("[0-9]{1,12}")) {
                    return null;
                }
                t = Long.parseLong(value);
            } else if (name.equals("v1")) {
                v1.add(value);
            }
        }
        return t == null || v1.isEmpty() ? null : new SignatureHeader(t, v1);
    }
}
