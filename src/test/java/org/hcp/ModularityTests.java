package org.hcp;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no cycles, no access to another module's internals. Also writes the module docs. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(HcpApplication.class);

	@Test
	void modules_respect_their_boundaries() {
		modules.verify();
	}

	@Test
	void module_documentation_is_written() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
