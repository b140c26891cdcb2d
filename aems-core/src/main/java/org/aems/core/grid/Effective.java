package org.aems.core.grid;

import java.util.Objects;

/** A value in force during {@code validity}. */
public record Effective<T>(Validity validity, T value) {
    public Effective {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(value, "value");
    }
}
