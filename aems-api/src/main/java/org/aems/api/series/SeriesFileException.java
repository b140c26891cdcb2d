package org.aems.api.series;

import java.util.List;

/** A series file refused as a whole; nothing was stored. Lists up to 100 problems with their line numbers. */
public final class SeriesFileException extends RuntimeException {

    /** One thing to fix: the file's line (1 = header, 0 = the whole file), a stable reason and what to do. */
    public record Problem(long line, String reason, String detail) {
    }

    private final List<Problem> problems;

    SeriesFileException(List<Problem> problems, int total) {
        super("the series file has " + total + " problem(s); no version was stored");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
