package org.aems.optimizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import org.junit.jupiter.api.Test;

/** The model as exported (MPS) solved by a second solver inside OR-Tools gives the same optimum as GLOP. */
class SecondSolverTest {

    @Test
    void scipSolvesTheExportedModelToTheSameObjectiveAsGlop() {
        BankProblem problem = SunnyBanks.of(3, 8, 3, 7);
        String mps;
        double glop;
        try (BankModel model = BankModel.build(problem, "GLOP")) {
            mps = model.toMps();
            assertThat(model.solver.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            glop = model.solver.objective().value();
        }

        ModelBuilder imported = new ModelBuilder();
        assertThat(imported.importFromMpsString(mps)).as("MPS import").isTrue();
        ModelSolver scip = new ModelSolver("scip");
        assertThat(scip.solve(imported)).isEqualTo(SolveStatus.OPTIMAL);

        assertThat(scip.getObjectiveValue()).isCloseTo(glop, within(Math.abs(glop) * 1e-6 + 1e-6));
    }
}
