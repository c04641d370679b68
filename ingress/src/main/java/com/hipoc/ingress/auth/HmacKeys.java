package com.hipoc.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The signing keys, from {@code HMAC_SECRET}: {@code keyId:secret[,keyId:secret...]}, so that a
 * new key can be added beside the old one, clients moved over, then the old one removed
 * (rotation without downtime). A value without {@code :} is a single key with the id
 * {@code default}. A secret may contain {@code :} (the id ends at the first one) but not {@code ,}.
 * An empty value means no key: the ingress then refuses to start unless told {@code --insecure}.
 */
public final class HmacKeys {
    public static final String DEFAULT_KEY_ID = "default";

    private final Map<String, byte[]> secrets;

    private HmacKeys(Map<String, byte[]> secrets) {
        this.secrets = secrets;
    }

    public static HmacKeys parse(String value) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return new HmacKeys(secrets);
        }
        if (value.indexOf(':') < 0) {
            secrets.put(DEFAULT_KEY_ID, value.trim().getBytes(StandardCharsets.UTF_8));
            return new HmacKeys(secrets);
        }
        for (String entry : value.split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            String secret = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (id.isEmpty() || secret.isEmpty()) {
                throw new IllegalArgumentException("HMAC_SECRET: each entry must be keyId:secret, got '"
                        + (id.isEmpty() ? "<no key id>" : id) + ":...'");
            }
            if (secrets.put(id, secret.getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("HMAC_SECRET: key id '" + id + "' appears twice");
            }
        }
        return new HmacKeys(secrets);
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public Set<String> ids() {
        return secrets.keySet();
    }

    /** The secret of a key id, or null when there is no such key. */
    byte[] secret(String keyId) {
        return secrets.get(keyId);
    }
}
