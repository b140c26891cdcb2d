package org.aems.optimizer.model;

/** How a published plan was obtained: a plan is always published, and says which way it came. */
public enum PlanSource {
    /** The solver proved it optimal. */
    OPTIMAL,
    /** The time limit ended the solve with a feasible, not proven optimal, plan. */
    FEASIBLE,
    /** The solve failed or timed out without a plan; the last published plan still covers these slots. */
    LAST_PLAN,
    /** Neither: the rule-based baseline (self-consumption, EVs charge on plug-in). */
    BASELINE
}
