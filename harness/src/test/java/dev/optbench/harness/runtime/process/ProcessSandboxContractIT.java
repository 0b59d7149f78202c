package dev.optbench.harness.runtime.process;

import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.testing.FakeVariant;

class ProcessSandboxContractIT extends SandboxContractIT {

  @Override
  protected ContainerRuntime runtime() {
    return new ProcessRuntime(FakeVariant.cacheDir());
  }

  @Override
  protected void assertNothingLeft(Sandbox closed) {
    assertNoProcessOfTheVariant();
  }
}
