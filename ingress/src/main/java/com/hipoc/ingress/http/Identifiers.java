package com.hipoc.ingress.http;

/** API.md's identifiers (accounts, txIds) and currencies, checked the same wherever they come in. */
public final class Identifiers {
    private Identifiers() {
    }

    /** A path identifier as given, checked like any identifier. */
    public static String identifier(String name, String value) {
        if (value == null || !isIdentifier(value)) {
            throw new ProblemException(Problem.invalid(name + " must be 1 to 64 characters of A-Z a-z 0-9 . _ : -"));
        }
        return value;
    }

    /**
     * {@code [A-Za-z0-9._:-]{1,64}}, checked by hand: a batch checks thousands of identifiers and
     * a regular expression's matcher cost more than the rest of validating them.
     */
    private static boolean isIdentifier(String value) {
        if (value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isUpperOrDigit(c) || c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Z0-9]{3,12}}, by hand as {@link #isIdentifier} is. */
    public static boolean isCurrency(String value) {
        if (value.length() < 3 || value.length() > 12) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isUpperOrDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
