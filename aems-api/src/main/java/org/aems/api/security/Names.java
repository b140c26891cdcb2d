package org.aems.api.security;

/** The one rule for user and client names, checked before the database's CHECK so the caller hears why. */
final class Names {

    private Names() {
    }

    static void requireValid(String what, String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
            throw new SecurityRequestException(400, "INVALID_NAME",
                    "a " + what + " is 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit; was '" + name + "'");
        }
    }
}
