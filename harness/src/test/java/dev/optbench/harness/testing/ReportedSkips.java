package dev.optbench.harness.testing;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Makes a class-level skip visible. When a {@code @BeforeAll} aborts (a missing service, see {@link
 * Services}), JUnit skips the class's tests without a test event, and Maven's summary counts 0
 * tests run and 0 skipped. This extension lets such an abort pass, remembers its message, and
 * disables each test of the class with it, so every test is counted as skipped with the reason; the
 * message is also printed once per class. {@code @AfterAll} still runs and must tolerate the
 * missing set-up. Registered for every test through ServiceLoader and {@code
 * junit.jupiter.extensions.autodetection.enabled} (set in the parent pom).
 */
public final class ReportedSkips implements InvocationInterceptor, ExecutionCondition, TestWatcher {
  /** Class and message of every skip printed, so a class's tests print their reason once. */
  private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(ReportedSkips.class);
  private static final String REASON = "skipped-before-all";

  @Override
  public void interceptBeforeAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    try {
      invocation.proceed();
    } catch (TestAbortedException e) {
      context.getStore(NS).put(REASON, e.getMessage());
      print(context.getRequiredTestClass(), e.getMessage());
    }
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    // Stores are hierarchical: a test method sees its class's entry.
    String reason = context.getStore(NS).get(REASON, String.class);
    return reason == null || context.getTestMethod().isEmpty()
        ? ConditionEvaluationResult.enabled("set-up ran")
        : ConditionEvaluationResult.disabled(reason);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    print(context.getRequiredTestClass(), cause.getMessage());
  }

  private static void print(Class<?> testClass, String message) {
    if (PRINTED.add(testClass.getName() + "\n" + message)) {
      System.err.println("[skipped] " + testClass.getSimpleName() + ": " + message);
    }
  }
}
