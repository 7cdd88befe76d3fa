package io.taskgate;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features reach each other only through their public types, and never in a cycle. */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(TaskgateApplication.class);

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        modules.verify();
    }
}
