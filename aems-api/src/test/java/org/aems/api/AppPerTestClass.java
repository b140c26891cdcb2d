package org.aems.api;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Stops each test class's app when the class ends. The integration tests share one JVM (a JVM and a cold context per
 * class cost ~5 s each), but no two classes share an app: each has a fresh database and properties of its own, so a
 * cached app would only keep its simulator, schedules and broker clients running beside the next class, or beside
 * {@link EmbeddedDefaultIT}'s embedded broker and database.
 */
public class AppPerTestClass implements TestExecutionListener, Ordered {

    @Override
    public void afterTestClass(TestContext testContext) {
        testContext.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
    }

    /** After callbacks run in reverse order: first in order is last to run, after every other listener is done. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
