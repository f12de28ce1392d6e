package io.onboarding.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the run talks to a sandbox (the embedded one, or one in another process) instead of Google. */
public final class InSandboxMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return RunMode.resolve(context.getEnvironment()) == RunMode.SANDBOX;
    }
}
