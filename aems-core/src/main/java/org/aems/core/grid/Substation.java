package org.aems.core.grid;

import java.util.List;
import java.util.Objects;

/** A distribution substation (配電用変電所). */
public record Substation(SubstationId id, String name, List<Bank> banks) {
    public Substation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        banks = List.copyOf(banks);
    }
}
