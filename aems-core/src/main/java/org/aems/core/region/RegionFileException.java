package org.aems.core.region;

import java.util.List;

/** A region file that cannot be used, with every problem found and where it is. */
public final class RegionFileException extends RuntimeException {

    private final transient List<String> problems;

    public RegionFileException(List<String> problems) {
        super("region file has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "path: what is wrong", e.g. "substations[0].banks[0].feeders[1].sites[3].supplyPoint: ...". */
    public List<String> problems() {
        return problems;
    }
}
