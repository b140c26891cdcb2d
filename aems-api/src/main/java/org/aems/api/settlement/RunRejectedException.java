package org.aems.api.settlement;

import java.util.List;
import org.aems.core.settlement.SettlementInputException;

/** A run that could not be computed because of its input; nothing was written. Each problem has a reason code. */
public final class RunRejectedException extends RuntimeException {

    /** One thing to fix, with the stable code of {@link SettlementInputException.Reason}. */
    public record Problem(String reason, String detail) {
    }

    private final List<Problem> problems;

    RunRejectedException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    static RunRejectedException of(List<SettlementInputException> causes) {
        List<Problem> problems = causes.stream().map(e -> new Problem(e.reason().name(), e.getMessage())).toList();
        return new RunRejectedException("the settlement run was not started: " + problems.size()
                + " problem(s) in its input; nothing was written", problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
