package org.aems.api.settlement;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: base64url of the last position a page showed. Clients store and send them back
 * unchanged; their content is not an interface.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }

    static String[] decode(String cursor, int parts, String parameter) {
        try {
            String[] values = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u001f", -1);
            if (values.length != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + parameter + "' is not a cursor this API returned; start again without it");
        }
    }
}
